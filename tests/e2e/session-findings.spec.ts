/**
 * The session workspace's findings board, comments and agenda in the browser: a responder adds a
 * finding with supporting shared timeline entries, edits it (its column too), sees the wording
 * hint for "human error", comments with a mention that notifies, replies and deletes; the
 * facilitator moves the agenda and runs the timer until "Time is up"; a responder parks a topic;
 * an observer reads everything and changes nothing; the board follows other people's changes live
 * without losing what is being typed. Every test makes its own review in GROUP.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { baseUrlOf, bearerClientFor, expectJson } from "./support/api-client";
import { signIn } from "./support/auth";
import { reviewInPhase } from "./support/reviews";

type Entry = { id: string; description: string };
type Board = { categories: { category: string; findings: { id: string; title: string; evidenceEntryIds: string[] }[] }[] };

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const sessionUrl = (reviewId: string, tab: "findings" | "agenda") => `/reviews/${reviewId}/session?tab=${tab}`;

/** A review in GROUP with two shared timeline entries, added by the facilitator through the REST API. */
async function sessionWithEntries(playwright: Parameters<typeof reviewInPhase>[0], baseURL: string) {
  const review = await reviewInPhase(playwright, baseURL, { responders: ["responder1@example.com", "responder2@example.com"], phase: "GROUP" });
  const add = async (minutes: number, description: string, kind: string) =>
    expectJson<Entry>(await review.api.post(`/api/v1/reviews/${review.id}/timeline`, { data: { occurredAt: minutesAgo(minutes), description, kind, keyMoment: null } }), 201);
  const alert = await add(50, "Lag alert fired in a channel nobody watches", "ALERT");
  const restart = await add(20, "On-call restarted the indexer pod", "ACTION");
  return { ...review, alert, restart };
}

async function signedIn(browser: import("@playwright/test").Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const column = (page: Page, label: RegExp) => page.getByRole("region", { name: label });
const HUMAN = /^Contributing factor \(human & organisational\)/;
const GAP = /^Knowledge gap/;

async function board(api: APIRequestContext, reviewId: string): Promise<Board> {
  return expectJson<Board>(await api.get(`/api/v1/reviews/${reviewId}/findings`), 200);
}

test("a responder adds a finding with its supporting entries, edits it, sees the wording hint, and comments with a mention", async ({ browser, playwright }, info) => {
  const baseURL = baseUrlOf(info);
  const { id, api, alert, restart } = await sessionWithEntries(playwright, baseURL);
  const page = await signedIn(browser, "responder1@example.com");
  await page.goto(sessionUrl(id, "findings"));

  // Every category is a column, titled with its hint; empty ones say what belongs there.
  const human = column(page, HUMAN);
  await expect(human.getByRole("heading", { name: HUMAN })).toBeVisible();
  await expect(human).toContainText("Conditions in how we work");
  await expect(human).toContainText("No human or organisational factors yet");
  for (const label of [/^Contributing factor \(technical\)/, GAP, /^Operational surprise/, /^What went well/]) await expect(column(page, label)).toBeVisible();

  // Add: title, description, supporting entries chosen from the shared timeline.
  await human.getByRole("button", { name: "Add a finding: Contributing factor (human & organisational)" }).click();
  const form = page.getByRole("form", { name: /^Add a finding/ });
  await expect(form.getByLabel(/^Title/)).toBeFocused();
  await form.getByLabel(/^Title/).fill("Nobody was told the alert channel had moved");
  await form.getByLabel("Description").fill("Calling it human error hides that the channel moved during the team split.");
  await expect(form.getByText("Worth a second look")).toBeVisible(); // hints while typing
  await form.getByRole("checkbox", { name: /Lag alert fired in a channel nobody watches/ }).check();
  await form.getByRole("button", { name: "Add finding" }).click();

  const card = human.getByRole("article", { name: "Nobody was told the alert channel had moved" });
  await expect(card).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(human.getByRole("button", { name: "Add a finding: Contributing factor (human & organisational)" })).toBeFocused(); // the keyboard is back where it was
  await expect(card).toContainText("Calling it human error hides");
  const evidence = card.getByRole("link", { name: /Lag alert fired in a channel nobody watches/ });
  await expect(evidence).toHaveAttribute("href", `?tab=timeline#entry-${alert.id}`);
  await expect(evidence).toContainText(/\d{1,2} \w{3}, \d\d:\d\d (CET|CEST|GMT[+-]\d+)/); // the viewer's zone, named

  // The blameless-language hint, quietly: the phrase first, the explanation on request.
  const hint = card.getByText(/Worth a second look: “human error”/);
  await expect(hint).toBeVisible();
  await expect(card.getByText("ends the inquiry where it should start")).toBeHidden();
  await hint.click();
  await expect(card.getByText(/ends the inquiry where it should start/)).toBeVisible();

  let saved = (await board(api, id)).categories.find((c) => c.category === "CONTRIBUTING_HUMAN")!.findings;
  expect(saved.map((f) => [f.title, f.evidenceEntryIds])).toEqual([["Nobody was told the alert channel had moved", [alert.id]]]);

  // A bad edit keeps what was typed and says what to fix.
  await card.getByRole("button", { name: "Edit the finding “Nobody was told the alert channel had moved”" }).click();
  const edit = page.getByRole("form", { name: /^Edit the finding/ });
  await edit.getByLabel(/^Title/).fill("   ");
  await edit.getByLabel("Description").fill("The channel moved during the team split; nobody updated the routing.");
  await edit.getByRole("button", { name: "Save finding" }).click();
  await expect(edit.getByText("Give the finding a short title.", { exact: true })).toBeVisible();
  await expect(edit.getByLabel("Description")).toHaveValue("The channel moved during the team split; nobody updated the routing.");

  // Edit: title, column and supporting entries (one unlinked, one linked).
  await edit.getByLabel(/^Title/).fill("Nobody knew the alert channel had moved");
  await edit.getByLabel("Category").selectOption({ label: "Knowledge gap" });
  await edit.getByRole("checkbox", { name: /Lag alert fired/ }).uncheck();
  await edit.getByRole("checkbox", { name: /On-call restarted the indexer pod/ }).check();
  await edit.getByRole("button", { name: "Save finding" }).click();
  const moved = column(page, GAP).getByRole("article", { name: "Nobody knew the alert channel had moved" });
  await expect(moved).toBeVisible();
  await expect(human.getByRole("article")).toHaveCount(0);
  await expect(moved.getByRole("button", { name: /^Edit the finding/ })).toBeFocused();
  await expect(moved.getByRole("link", { name: /On-call restarted the indexer pod/ })).toHaveAttribute("href", `?tab=timeline#entry-${restart.id}`);
  await expect(moved.getByText(/human error/)).toHaveCount(0); // the reworded finding has no hint left
  saved = (await board(api, id)).categories.find((c) => c.category === "KNOWLEDGE_GAP")!.findings;
  expect(saved.map((f) => [f.title, f.evidenceEntryIds])).toEqual([["Nobody knew the alert channel had moved", [restart.id]]]);

  // Comments: a mention notifies; a reply is indented under it; the author deletes their own.
  await moved.getByRole("button", { name: /^Comments \(0\) on the finding/ }).click();
  await expect(moved.getByText("@name or @e-mail notifies a participant")).toBeVisible();
  await moved.getByLabel("Add a comment").fill("@Sam Responder did you know where the alerts went?");
  await moved.getByRole("button", { name: "Comment", exact: true }).click();
  const first = moved.getByRole("article", { name: "Comment by Riley Responder" }).first();
  await expect(first).toContainText("did you know where the alerts went?");
  await expect(moved.getByRole("button", { name: /^Comments \(1\)/ })).toBeVisible();
  await expect(moved.getByLabel("Add a comment")).toHaveValue("");
  const exact = await first.locator("time").getAttribute("title");
  expect(exact).toMatch(/\d{4}, \d\d:\d\d (CET|CEST|GMT[+-]\d+)/); // relative time, exact on hover

  const sam = await bearerClientFor(playwright, baseURL, "responder2@example.com");
  const notices = await expectJson<{ items: { type: string; title: string; url: string | null }[] }>(await sam.get("/api/v1/me/notifications"), 200);
  const mention = notices.items.find((n) => n.type === "comment.mention" && n.url?.includes(`/reviews/${id}/session`));
  expect(mention?.title).toContain("Riley Responder mentioned you");
  await sam.dispose();

  await first.getByRole("button", { name: "Reply to Riley Responder" }).click();
  const replyBox = moved.getByRole("textbox", { name: "Reply to Riley Responder" });
  await expect(replyBox).toBeFocused();
  await replyBox.fill("Answering myself: it moved in March.");
  await moved.getByRole("button", { name: "Reply", exact: true }).click();
  const reply = moved.getByRole("article", { name: "Comment by Riley Responder" }).nth(1);
  await expect(reply).toContainText("it moved in March");
  await expect(moved.getByRole("button", { name: /^Comments \(2\)/ })).toBeVisible();
  await reply.getByRole("button", { name: "Delete the comment by Riley Responder" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete comment" }).click();
  await expect(moved.getByText("it moved in March")).toHaveCount(0);
  await expect(moved.getByRole("button", { name: /^Comments \(1\)/ })).toBeVisible();

  // The board never speaks of a single cause or of fault.
  const words = await page.getByRole("region", { name: "Findings", exact: true }).innerText();
  expect(words).not.toMatch(/\broot cause|\bblame|\bfault/i);

  // Delete, after a confirmation.
  await moved.getByRole("button", { name: "Delete the finding “Nobody knew the alert channel had moved”" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("The timeline entries that support it stay");
  await confirm.getByRole("button", { name: "Delete finding" }).click();
  await expect(column(page, GAP).getByRole("article")).toHaveCount(0);
  await expect(column(page, GAP).getByRole("heading", { name: GAP })).toBeFocused();
  await expect(column(page, GAP)).toContainText("No knowledge gaps yet");
  expect((await board(api, id)).categories.flatMap((c) => c.findings)).toEqual([]);
  await page.context().close();
});

test("the facilitator moves the agenda and runs the timer, a responder parks a topic, an observer only reads", async ({ browser, playwright }, info) => {
  const baseURL = baseUrlOf(info);
  const { id, api } = await sessionWithEntries(playwright, baseURL);
  await expectJson(
    await api.post(`/api/v1/reviews/${id}/findings`, { data: { category: "WENT_WELL", title: "Restarting the indexer drained the lag", description: "" } }),
    201,
  );

  // The facilitator: make a step current, start a timer, watch it run out, clear it, prepare a question.
  const fran = await signedIn(browser, "facilitator@example.com");
  await fran.clock.install();
  await fran.goto(sessionUrl(id, "agenda"));
  const agenda = fran.getByRole("region", { name: "Agenda", exact: true });
  await expect(agenda.getByRole("listitem").filter({ hasText: "Explore where perspectives differ" }).first()).toContainText("Where accounts describe a moment differently");
  await expect(fran.getByRole("region", { name: "Now", exact: true })).toContainText("Choose where to start");
  await agenda.getByRole("button", { name: "Make “Build a shared understanding” the current step" }).click();
  await expect(agenda.locator("[aria-current=step]")).toContainText("Build a shared understanding");
  await expect(agenda.locator("[aria-current=step]")).toBeFocused(); // the button became the "Current" badge: focus follows the step
  await expect(fran.getByRole("region", { name: "Now", exact: true })).toContainText("Build a shared understanding");
  await expect(fran.getByRole("region", { name: "Current agenda step" })).toContainText("step 2 of 6: Build a shared understanding");
  await fran.getByRole("region", { name: "Now", exact: true }).getByRole("button", { name: /^Move on: Explore where perspectives differ/ }).click();
  await expect(agenda.locator("[aria-current=step]")).toContainText("Explore where perspectives differ");

  await fran.getByRole("button", { name: "Start a 5-minute timer" }).click();
  const timer = fran.getByRole("region", { name: "Now", exact: true }).getByRole("timer");
  await expect(timer).toHaveText(/^0[45]:\d\d$/);
  await fran.clock.fastForward("01:00");
  await expect(timer).toHaveText(/^0[34]:\d\d$/); // it counts down in the browser
  const session = await expectJson<{ timer: { endsAt: string } | null; currentStep: string | null }>(await api.get(`/api/v1/reviews/${id}/session`), 200);
  expect(session.currentStep).toBe("divergences");
  expect(new Date(session.timer!.endsAt).getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
  await fran.clock.fastForward("04:10");
  await expect(fran.getByRole("region", { name: "Now", exact: true }).getByText("Time is up")).toBeVisible();
  await expect(fran.locator("#session-timer-announcer[aria-live=polite]")).toHaveText("Time is up.");
  await fran.getByRole("button", { name: "Clear timer" }).click();
  await expect(fran.getByRole("region", { name: "Now", exact: true }).getByText("Time is up")).toHaveCount(0);
  await expect(fran.getByText("none running")).toBeVisible();

  const questions = fran.getByRole("region", { name: "Prepared questions", exact: true });
  await questions.getByLabel("A question to ask the group").fill("What did you expect the lag alert to do?");
  await questions.getByRole("button", { name: "Add question" }).click();
  await expect(questions.getByText("What did you expect the lag alert to do?")).toBeVisible();
  await questions.getByRole("checkbox", { name: "Done: What did you expect the lag alert to do?" }).check();
  await expect(questions.getByRole("checkbox", { name: "Done: What did you expect the lag alert to do?" })).toBeChecked();

  // A responder: sees where the session is, cannot run it, parks a topic and ticks it off.
  const riley = await signedIn(browser, "responder1@example.com");
  await riley.goto(sessionUrl(id, "agenda"));
  const rileyAgenda = riley.getByRole("region", { name: "Agenda", exact: true });
  await expect(rileyAgenda.locator("[aria-current=step]")).toContainText("Explore where perspectives differ");
  await expect(riley.getByRole("button", { name: /Make .* the current step/ })).toHaveCount(0);
  await expect(riley.getByRole("button", { name: /minute timer/ })).toHaveCount(0);
  await expect(riley.getByRole("region", { name: "Prepared questions", exact: true })).toContainText("What did you expect the lag alert to do?");
  await expect(riley.getByLabel("A question to ask the group")).toHaveCount(0);
  const parking = riley.getByRole("region", { name: "Parking lot", exact: true });
  await parking.getByLabel("A topic to follow up").fill("Who owns #search-legacy now?");
  await parking.getByRole("button", { name: "Add topic" }).click();
  await expect(parking.getByRole("listitem").filter({ hasText: "Who owns #search-legacy now?" })).toContainText("Added by you");
  await expect(parking.getByLabel("A topic to follow up")).toHaveValue("");
  await parking.getByRole("checkbox", { name: "Done: Who owns #search-legacy now?" }).check();
  await expect
    .poll(async () => (await expectJson<{ parkingLot: { text: string; done: boolean }[] }>(await api.get(`/api/v1/reviews/${id}/session`), 200)).parkingLot)
    .toEqual([expect.objectContaining({ text: "Who owns #search-legacy now?", done: true })]);

  // The facilitator may tidy anyone's topic; the observer reads everything and changes nothing.
  await fran.reload();
  await expect(fran.getByRole("region", { name: "Parking lot", exact: true }).getByRole("button", { name: "Delete the topic “Who owns #search-legacy now?”" })).toBeVisible();

  const oli = await signedIn(browser, "observer@example.com");
  await oli.goto(sessionUrl(id, "agenda"));
  await expect(oli.getByRole("region", { name: "Agenda", exact: true }).locator("[aria-current=step]")).toContainText("Explore where perspectives differ");
  await expect(oli.getByRole("region", { name: "Parking lot", exact: true })).toContainText("Who owns #search-legacy now?");
  for (const name of ["Parking lot", "Prepared questions"]) {
    const region = oli.getByRole("region", { name, exact: true });
    await expect(region.getByRole("checkbox")).toHaveCount(0);
    await expect(region.getByRole("textbox")).toHaveCount(0);
  }
  await expect(oli.getByRole("button", { name: /Make .* the current step|minute timer|Clear timer|Delete|Add topic|Add question|Move on/ })).toHaveCount(0);

  await oli.goto(sessionUrl(id, "findings"));
  const card = oli.getByRole("article", { name: "Restarting the indexer drained the lag" });
  await expect(card).toBeVisible();
  await expect(oli.getByRole("button", { name: /^Add a finding|^Edit the finding|^Delete the finding/ })).toHaveCount(0);
  await card.getByRole("button", { name: /^Comments \(0\)/ }).click();
  await expect(card.getByText("No comments yet.")).toBeVisible();
  await expect(card.getByLabel("Add a comment")).toHaveCount(0);
  for (const p of [fran, riley, oli]) await p.context().close();
});

test("the board is live: someone else's finding appears, and one deleted while being edited keeps what was typed", async ({ browser, playwright }, info) => {
  const baseURL = baseUrlOf(info);
  const { id, api } = await sessionWithEntries(playwright, baseURL);
  const findings = `/api/v1/reviews/${id}/findings`;
  const surprise = await expectJson<{ id: string }>(await api.post(findings, { data: { category: "OPERATIONAL_SURPRISE", title: "The indexer idled without an error" } }), 201);
  const page = await signedIn(browser, "responder1@example.com");
  await page.goto(sessionUrl(id, "findings"));
  await expect(page.locator("[data-live-state=live]")).toBeVisible();

  await expectJson(await api.post(findings, { data: { category: "WENT_WELL", title: "Support noticed within the hour" } }), 201);
  await expect(column(page, /^What went well/).getByRole("article", { name: "Support noticed within the hour" })).toBeVisible();

  await page.getByRole("button", { name: "Edit the finding “The indexer idled without an error”" }).click();
  await page.getByRole("form", { name: /^Edit the finding/ }).getByLabel("Description").fill("No error, no alert: the consumer just stopped.");
  expect((await api.delete(`${findings}/${surprise.id}`)).status()).toBe(204);
  await expect(page.getByText("Someone deleted this finding while you were editing it.")).toBeVisible();
  const form = page.getByRole("form", { name: /^Add a finding/ });
  await expect(form.getByLabel("Description")).toHaveValue("No error, no alert: the consumer just stopped.");
  await form.getByRole("button", { name: "Add finding" }).click();
  await expect(column(page, /^Operational surprise/).getByRole("article", { name: "The indexer idled without an error" })).toContainText("No error, no alert");
  expect((await board(api, id)).categories.find((c) => c.category === "OPERATIONAL_SURPRISE")!.findings).toHaveLength(1);
  await page.context().close();
});
