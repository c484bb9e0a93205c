/**
 * Planning actions in the browser: the facilitator turns findings into actions on the review's
 * Actions page — a hint for a vague title while typing, a refused save that keeps what was typed,
 * an action linked to its finding — agrees one, then all; a finding gets "no action needed" with a
 * reason (withdrawn and recorded again); the tracker state and "Push to tracker" are there; the
 * review overview shows the actions' status; an observer reads and changes nothing.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { baseUrlOf } from "./support/api-client";
import { signIn } from "./support/auth";
import { reviewActions, reviewInActionPlanning } from "./actions-fixtures";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const POOL = "PgBouncer kept stale connections to the old primary";
const RUNBOOK = "The runbook assumed a quiet hour";
const WORKED = "Failover itself took 40 seconds";

test("a facilitator plans and agrees actions; a finding gets “no action needed” with a reason; an observer only reads", async ({ browser, playwright }, info) => {
  const review = await reviewInActionPlanning(playwright, baseUrlOf(info), {
    team: "platform",
    findings: [
      ["CONTRIBUTING_TECHNICAL", POOL],
      ["CONTRIBUTING_HUMAN", RUNBOOK],
      ["WENT_WELL", WORKED],
    ],
  });
  const page = await signedIn(browser, "facilitator@example.com");
  await page.goto(`/reviews/${review.id}`);
  await page.getByRole("link", { name: "Plan actions" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${review.id}/actions$`));

  const findings = page.getByRole("region", { name: "Findings", exact: true });
  const actions = page.getByRole("region", { name: "Actions", exact: true });
  await expect(findings).toContainText("2 findings need an action or a “no action needed” decision.");
  const pool = findings.getByRole("article", { name: POOL });
  await expect(pool).toContainText("No action yet");
  await expect(findings.getByRole("article", { name: WORKED })).toContainText("What went well needs no action");
  await expect(actions.getByText("No actions yet")).toBeVisible();

  // Add an action from the finding: it comes linked; a vague title gets a hint while typing.
  await pool.getByRole("button", { name: `Add an action for “${POOL}”` }).click();
  const form = page.getByRole("form", { name: "Add an action" });
  const title = form.getByLabel(/^Title/);
  await expect(title).toBeFocused();
  await title.fill("Improve monitoring");
  await expect(form.getByText(/Make it concrete and checkable: “Improve monitoring”/)).toBeVisible();
  await expect(form.getByRole("checkbox", { name: new RegExp(POOL) })).toBeChecked();
  await form.getByLabel("Priority").selectOption({ label: "High" });
  await form.getByLabel("Due date").fill("2030-01-15");
  await form.getByLabel("Assignee").selectOption({ label: "Sam Responder (responder2@example.com)" });
  // A refused save says what to fix and keeps everything typed.
  await title.fill("   ");
  await form.getByRole("button", { name: "Add action" }).click();
  await expect(form.getByText("Give the action a title: what will be done.", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Due date")).toHaveValue("2030-01-15");
  await expect(form.getByLabel("Priority")).toHaveValue("HIGH");
  await title.fill("Drop pooled connections within 30 s of a failover");
  await expect(form.getByText(/Make it concrete and checkable/)).toHaveCount(0);
  await form.getByRole("textbox", { name: "Description of the action" }).fill("Set server_lifetime to 30 s and check it with a failover in staging.");
  await form.getByRole("button", { name: "Add action" }).click();

  const card = actions.getByRole("article", { name: "Drop pooled connections within 30 s of a failover" });
  await expect(card).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(card).toContainText("Proposed");
  await expect(card).toContainText("Sam Responder");
  await expect(card).toContainText("Due 15 Jan 2030");
  await expect(card).toContainText(`Addresses: ${POOL}`);
  await expect(pool).toContainText("Addressed by Drop pooled connections");
  await expect(card.getByText("Goes to the team's tracker once agreed.")).toBeVisible();
  let saved = await reviewActions(review.facilitator, review.id);
  expect(saved.actions.map((a) => [a.title, a.priority, a.dueDate, a.findingIds])).toEqual([["Drop pooled connections within 30 s of a failover", "HIGH", "2030-01-15", [review.findings[POOL]]]]);

  // Agree it: it is then ready for the team's tracker.
  await card.getByRole("button", { name: "Agree “Drop pooled connections within 30 s of a failover”" }).click();
  await expect(card.getByText("Agreed", { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Push to tracker/ })).toBeVisible();

  // "No action needed" for the other finding, with a reason; withdrawn, then recorded again.
  const runbook = findings.getByRole("article", { name: RUNBOOK });
  await runbook.getByRole("button", { name: `No action needed for “${RUNBOOK}”` }).click();
  const reason = runbook.getByLabel("Why is no action needed?");
  await expect(reason).toBeFocused();
  await runbook.getByRole("button", { name: "Record decision" }).click();
  await expect(runbook.getByText(/Say why no action is needed/)).toBeVisible();
  await reason.fill("The runbook was rewritten for peak traffic during the incident.");
  await runbook.getByRole("button", { name: "Record decision" }).click();
  await expect(runbook).toContainText("No action needed: The runbook was rewritten for peak traffic during the incident.");
  await expect(findings).toContainText("Every finding has an action or a decision.");
  await runbook.getByRole("button", { name: `Withdraw “no action needed” for “${RUNBOOK}”` }).click();
  await expect(runbook).toContainText("No action yet");
  await runbook.getByRole("button", { name: `No action needed for “${RUNBOOK}”` }).click();
  await runbook.getByLabel("Why is no action needed?").fill("Already rewritten during the incident.");
  await runbook.getByRole("button", { name: "Record decision" }).click();
  await expect(runbook).toContainText("No action needed: Already rewritten during the incident.");

  // A second action, then "Agree all".
  await actions.getByRole("button", { name: "Add an action", exact: true }).click();
  await page.getByRole("form", { name: "Add an action" }).getByLabel(/^Title/).fill("Rehearse a failover at peak traffic every quarter");
  await page.getByRole("form", { name: "Add an action" }).getByRole("button", { name: "Add action" }).click();
  const second = actions.getByRole("article", { name: "Rehearse a failover at peak traffic every quarter" });
  await expect(second).toContainText("Proposed");
  await actions.getByRole("button", { name: "Agree all (1)" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Agree all" }).click();
  await expect(second.getByText("Agreed", { exact: true })).toBeVisible();
  await expect(actions.getByRole("button", { name: /^Agree all/ })).toHaveCount(0);
  saved = await reviewActions(review.facilitator, review.id);
  expect(saved.actions.every((a) => a.agreed)).toBe(true);
  expect(saved.findings.find((f) => f.title === RUNBOOK)).toMatchObject({ noActionReason: "Already rewritten during the incident.", unaddressed: false });

  // Push to tracker: sent, or a clear message when this server has no tracker push (nothing lost either way).
  await card.getByRole("button", { name: /^Push to tracker/ }).click();
  await expect(card.getByRole("alert").or(page.getByText(/Sent to the tracker/)).first()).toBeVisible();

  // The overview lists the actions with their status.
  await page.goto(`/reviews/${review.id}`);
  await expect(page.getByText("2 of 2 agreed · 2 open")).toBeVisible();
  await expect(page.getByRole("link", { name: "Drop pooled connections within 30 s of a failover" })).toBeVisible();

  // An observer reads the plan and changes nothing.
  const oli = await signedIn(browser, "observer@example.com");
  await oli.goto(`/reviews/${review.id}/actions`);
  await expect(oli.getByRole("article", { name: "Drop pooled connections within 30 s of a failover" })).toBeVisible();
  await expect(oli.getByRole("button", { name: /Add an action|Agree|Edit|Delete|No action needed/ })).toHaveCount(0);
  await expect(oli.getByRole("combobox")).toHaveCount(0);

  await page.context().close();
  await oli.context().close();
  await review.dispose();
});
