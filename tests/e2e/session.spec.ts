import { expect, test, type Browser, type Page } from "@playwright/test";
import { baseUrlOf } from "./support/api-client";
import { signIn } from "./support/auth";
import { reviewInPhase } from "./support/reviews";

async function open(browser: Browser, email: string, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(url);
  return page;
}

const narrative = (page: Page) => page.getByRole("textbox", { name: "Narrative" });

test("facilitator and two responders run a session together: the narrative and the timeline update live for everyone", async ({ browser, playwright }, info) => {
  test.setTimeout(180_000);
  const { id } = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com", "responder2@example.com"], phase: "GROUP" });
  const url = `/reviews/${id}/session?tab=narrative`;
  const [fran, riley, sam] = await Promise.all([
    open(browser, "facilitator@example.com", url),
    open(browser, "responder1@example.com", url),
    open(browser, "responder2@example.com", url),
  ]);
  const pages = [fran, riley, sam];
  for (const p of pages) await expect(p.locator("[data-collab-status=connected]")).toBeVisible({ timeout: 20_000 });
  await expect(fran.getByText("3 people here")).toBeVisible({ timeout: 20_000 });

  // Everyone writes; two at the same time in different places of the document; everyone sees every sentence.
  const lines = ["Fran: the broker restarted at 14:00.", "Riley: support saw wrong prices.", "Sam: the indexer went quiet."];
  await narrative(fran).click();
  await fran.keyboard.type(lines[0]!, { delay: 5 });
  for (const p of [riley, sam]) await expect(narrative(p)).toContainText(lines[0]!, { timeout: 20_000 });
  await Promise.all([
    (async () => {
      await narrative(riley).click();
      await riley.keyboard.press("ControlOrMeta+End");
      await riley.keyboard.press("Enter");
      await riley.keyboard.type(lines[1]!, { delay: 10 });
    })(),
    (async () => {
      await narrative(sam).click();
      await sam.keyboard.press("ControlOrMeta+Home");
      await sam.keyboard.type(lines[2]!, { delay: 10 });
      await sam.keyboard.press("Enter");
    })(),
  ]);
  for (const p of pages) for (const line of lines) await expect(narrative(p)).toContainText(line, { timeout: 20_000 });

  // The timeline: a responder adds an entry; the others see it without reloading.
  await Promise.all(pages.map((p) => p.goto(`/reviews/${id}/session?tab=timeline`)));
  for (const p of pages) await expect(p.locator("[data-live-state=live]")).toBeVisible({ timeout: 20_000 });
  await riley.getByRole("button", { name: "Add an entry" }).click();
  await riley.getByLabel("When").fill("2026-11-20T14:02");
  await riley.getByLabel("Kind").selectOption("ALERT");
  await riley.getByLabel("What happened").fill("Lag alert fired in the old channel");
  await riley.getByRole("button", { name: "Add to shared timeline" }).click();
  for (const p of [fran, sam]) await expect(p.getByText("Lag alert fired in the old channel")).toBeVisible({ timeout: 20_000 });

  // The facilitator marks it as the moment of detection; the responders see the mark.
  await fran.getByRole("button", { name: /Edit the entry at/ }).first().click();
  await fran.getByLabel("Key moment").selectOption("DETECTION");
  await fran.getByRole("button", { name: "Save entry" }).click();
  for (const p of [riley, sam]) await expect(p.getByText("Detection", { exact: true })).toBeVisible({ timeout: 20_000 });

  // The narrative was stored: a reload shows it.
  await sam.goto(url);
  for (const line of lines) await expect(narrative(sam)).toContainText(line, { timeout: 20_000 });
  await Promise.all(pages.map((p) => p.context().close()));
});

test("observers read the session but cannot change it; before the reveal there is no session", async ({ browser, playwright }, info) => {
  const group = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com"], phase: "GROUP" });
  const observer = await open(browser, "observer@example.com", `/reviews/${group.id}/session?tab=narrative`);
  await expect(observer.locator("[data-collab-status=connected]")).toBeVisible({ timeout: 20_000 });
  await expect(observer.getByText("Read-only")).toBeVisible();
  await expect(narrative(observer)).toHaveAttribute("contenteditable", "false");
  await observer.goto(`/reviews/${group.id}/session?tab=timeline`);
  await expect(observer.getByRole("button", { name: "Add an entry" })).toHaveCount(0);
  await observer.context().close();

  const early = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com"], phase: "INDEPENDENT" });
  const responder = await open(browser, "responder1@example.com", `/reviews/${early.id}/session`);
  await expect(responder.getByText("The session has not started yet")).toBeVisible();
  await responder.context().close();
});
