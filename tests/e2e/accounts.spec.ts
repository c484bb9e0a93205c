import { expect, test, type Page } from "@playwright/test";
import { baseUrlOf, expectJson, sessionClient } from "./support/api-client";
import { signIn } from "./support/auth";
import { reviewInPhase } from "./support/reviews";

const editor = (page: Page) => page.getByRole("textbox", { name: "Your account" });
const saved = (page: Page) => expect(page.locator("[data-save-state=saved]")).toBeVisible({ timeout: 15_000 });

async function write(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

test("two responders write at the same time; neither sees the other's account until the reveal, then both do", async ({ browser, playwright }, info) => {
  // Three browsers and ~60 steps: 53–58 s in CI on two shared cores, at the edge of the default 60 s.
  test.setTimeout(180_000);
  const { id } = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com", "responder2@example.com"], phase: "INDEPENDENT" });
  const markerOne = `riley-saw-${Date.now()}`;
  const markerTwo = `sam-saw-${Date.now()}`;
  const [c1, c2, cf] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [one, two, facilitator] = await Promise.all([c1.newPage(), c2.newPage(), cf.newPage()]);
  await Promise.all([signIn(one, "responder1@example.com"), signIn(two, "responder2@example.com"), signIn(facilitator, "facilitator@example.com")]);
  await Promise.all([one.goto(`/reviews/${id}/account`), two.goto(`/reviews/${id}/account`)]);
  await Promise.all([write(one, `First I noticed ${markerOne}.`), write(two, `I was paged and saw ${markerTwo}.`)]);
  await Promise.all([saved(one), saved(two)]);

  // Before the reveal nobody else reads an account: not the other responder, not the facilitator.
  for (const [page, own, other] of [
    [one, markerOne, markerTwo],
    [two, markerTwo, markerOne],
  ] as const) {
    await page.goto(`/reviews/${id}/accounts`);
    await expect(page.getByText("Accounts are private until the reveal")).toBeVisible();
    for (const path of [`/reviews/${id}`, `/reviews/${id}/accounts`, "/"]) {
      await page.goto(path);
      expect(await page.content()).not.toContain(other);
    }
    await page.goto(`/reviews/${id}/account`);
    await expect(editor(page)).toContainText(own);
  }
  await facilitator.goto(`/reviews/${id}/status`);
  await expect(facilitator.getByRole("row", { name: /Riley Responder/ })).toContainText("Drafting");
  for (const path of [`/reviews/${id}/status`, `/reviews/${id}`, `/reviews/${id}/accounts`]) {
    await facilitator.goto(path);
    const html = await facilitator.content();
    expect(html).not.toContain(markerOne);
    expect(html).not.toContain(markerTwo);
  }

  // Responder two submits; the facilitator reveals after a confirmation naming who has not submitted.
  await two.goto(`/reviews/${id}/account`);
  await two.getByRole("button", { name: "Submit account" }).click();
  await two.getByRole("alertdialog").getByRole("button", { name: "Submit account" }).click();
  await expect(two.getByRole("button", { name: "Reopen to edit" })).toBeVisible();
  await facilitator.goto(`/reviews/${id}/status`);
  await expect(facilitator.getByRole("row", { name: /Sam Responder/ })).toContainText("Submitted");
  // The overview counts the accounts in for the facilitator.
  await facilitator.goto(`/reviews/${id}`);
  await expect(facilitator.getByText("1 of 2 accounts submitted")).toBeVisible();
  await facilitator.goto(`/reviews/${id}/status`);
  await facilitator.getByRole("button", { name: "Reveal accounts" }).click();
  const dialog = facilitator.getByRole("alertdialog");
  await expect(dialog).toContainText("Not submitted yet: Riley Responder");
  await dialog.getByRole("button", { name: "Reveal accounts" }).click();
  await expect(facilitator.getByText("Accounts have been revealed")).toBeVisible();

  for (const page of [one, two, facilitator]) {
    await page.goto(`/reviews/${id}/accounts`);
    await expect(page.getByText(markerOne)).toBeVisible();
    await expect(page.getByText(markerTwo)).toBeVisible();
  }
  // Accounts are read-only now; the author can append a marked late addition.
  await one.goto(`/reviews/${id}/account`);
  await expect(one.getByText("Your account is read-only now.")).toBeVisible();
  await one.goto(`/reviews/${id}/accounts`);
  await one.getByLabel("Add to your account").fill("Later I remembered the second alert.");
  await one.getByRole("button", { name: "Add late addition" }).click();
  await expect(one.getByText(/Late addition ·/)).toBeVisible();
  await Promise.all([c1.close(), c2.close(), cf.close()]);
});

test("never lose a word: autosave, reload, a stale second tab and a dropped connection", async ({ browser, playwright }, info) => {
  test.setTimeout(180_000);
  const baseURL = baseUrlOf(info);
  const { id } = await reviewInPhase(playwright, baseURL, { responders: ["responder3@example.com"], phase: "INDEPENDENT" });
  const context = await browser.newContext();
  const tabA = await context.newPage();
  await signIn(tabA, "responder3@example.com");
  await tabA.goto(`/reviews/${id}/account`);
  await write(tabA, "The lag alert went to an old channel.");
  await saved(tabA);
  await tabA.reload();
  await expect(editor(tabA)).toContainText("The lag alert went to an old channel.");

  // A second tab saves first; the first tab's next save is stale and must not overwrite it.
  const tabB = await context.newPage();
  await tabB.goto(`/reviews/${id}/account`);
  await write(tabB, " Text from tab B.");
  await saved(tabB);
  await write(tabA, " Text from tab A.");
  const conflict = tabA.getByRole("alertdialog", { name: "Your account was changed somewhere else" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole("region", { name: "This tab's version" })).toContainText("Text from tab A.");
  await expect(conflict.getByRole("region", { name: "Saved version" })).toContainText("Text from tab B.");
  await conflict.getByRole("button", { name: "Keep this tab's version" }).click();
  await saved(tabA);
  const api = await sessionClient(playwright, baseURL, "responder3@example.com");
  let stored = await expectJson<{ content: unknown; version: number }>(await api.get(`/api/v1/reviews/${id}/accounts/me`), 200);
  expect(JSON.stringify(stored.content)).toContain("Text from tab A.");
  expect(JSON.stringify(stored.content)).not.toContain("Text from tab B.");
  await tabB.close();

  // The connection drops: changes are kept on this device, survive a reload, and are sent when it is back.
  await tabA.route(`**/api/v1/reviews/${id}/accounts/me`, (route) => (route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue()));
  await write(tabA, " Written while offline.");
  await expect(tabA.getByText("Offline — changes kept on this device")).toBeVisible({ timeout: 15_000 });
  await tabA.reload();
  await expect(editor(tabA)).toContainText("Written while offline.");
  await tabA.unroute(`**/api/v1/reviews/${id}/accounts/me`);
  await expect
    .poll(async () => JSON.stringify((await expectJson<{ content: unknown }>(await api.get(`/api/v1/reviews/${id}/accounts/me`), 200)).content), { timeout: 20_000 })
    .toContain("Written while offline.");
  stored = await expectJson(await api.get(`/api/v1/reviews/${id}/accounts/me`), 200);
  expect(JSON.stringify(stored.content)).toContain("Text from tab A.");
  await api.dispose();
  await context.close();
});

test("blaming phrases get a gentle hint that never blocks saving; the personal timeline keeps entries", async ({ page, playwright }, info) => {
  const { id } = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com"], phase: "INDEPENDENT" });
  await signIn(page, "responder1@example.com");
  await page.goto(`/reviews/${id}/account`);
  await write(page, "In hindsight we should have rolled back sooner.");
  await expect(page.locator(".blameless-hint", { hasText: "should have" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Wording hints" })).toContainText("what made this hard to see at the time?");
  await saved(page);

  await page.getByLabel("When").fill("2026-11-20T14:05");
  await page.getByLabel("Kind").selectOption("ALERT");
  await page.getByLabel("What happened").fill("Pager went off for checkout errors");
  await page.getByRole("button", { name: "Add to my timeline" }).click();
  await expect(page.getByText("Pager went off for checkout errors")).toBeVisible();
  await expect(page.getByText("20 Nov, 14:05 CET")).toBeVisible();
  await page.getByLabel("Evidence link").fill("javascript:alert(1)");
  await page.getByLabel("What happened").fill("Bad link");
  await page.getByRole("button", { name: "Add to my timeline" }).click();
  await expect(page.getByText("Evidence links must start with http:// or https://.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Pager went off for checkout errors")).toBeVisible();
  await expect(page.getByText("Bad link")).toHaveCount(0);
});

test("before the reveal no page shows an account to anyone but its author — admin, observer, product manager or outsider", async ({ browser, playwright }, info) => {
  // Five people's pages, each checked: 46–58 s in CI on two shared cores, at the edge of the default 60 s.
  test.setTimeout(180_000);
  const { id } = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com"], phase: "INDEPENDENT" });
  const marker = `only-riley-${Date.now()}`;
  const author = await browser.newContext();
  const page = await author.newPage();
  await signIn(page, "responder1@example.com");
  await page.goto(`/reviews/${id}/account`);
  await write(page, `What I saw: ${marker}`);
  await saved(page);
  await author.close();

  const paths = ["/", "/reviews?filter=all", `/reviews/${id}`, `/reviews/${id}/account`, `/reviews/${id}/accounts`, `/reviews/${id}/status`, "/notifications"];
  for (const email of ["admin@example.com", "observer@example.com", "pm@example.com", "responder3@example.com", "facilitator@example.com"]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, email);
    for (const path of paths) {
      const response = await p.goto(path);
      expect(response?.status(), `${email} ${path}`).toBeLessThan(500);
      expect(await p.content(), `${email} ${path}`).not.toContain(marker);
    }
    await context.close();
  }
});
