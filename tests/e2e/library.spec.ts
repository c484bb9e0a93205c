/**
 * The learning library end to end: a facilitator publishes a review through the checklist; a
 * member of another team finds it by search, opens the report and downloads it. And the REST
 * API: search with hostile input, filters, visibility, related reviews and exports.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { baseUrlOf, bearerClientFor, expectJson } from "./support/api-client";
import { query, unique } from "./support/database";
import { meetPublishChecklist, writeNarrative } from "./support/publication";
import { reviewInPhase } from "./support/reviews";

type Search = { total: number; totalCapped: boolean; items: { id: string; title: string; titleParts: { text: string; match: boolean }[]; snippet: { text: string; match: boolean }[] }[] };

test("a facilitator publishes after the checklist; another team finds the review in the library, reads the report and downloads it", async ({ page, browser, playwright }, testInfo) => {
  const word = `flux${unique()}`;
  const { id, title, api } = await reviewInPhase(playwright, baseUrlOf(testInfo), { responders: ["responder2@example.com"], phase: "GROUP", title: `Review: Queue ${word} stalled` });
  await expectJson(await api.post(`/api/v1/reviews/${id}/findings`, { data: { category: "KNOWLEDGE_GAP", title: "Few knew the queue had a dead-letter topic" } }), 201);
  await expectJson(await api.post(`/api/v1/reviews/${id}/phase`, { data: { to: "ACTION_PLANNING" } }), 200);

  await signIn(page, "facilitator@example.com");
  await page.goto(`/reviews/${id}`);
  await page.getByRole("link", { name: "Prepare to publish" }).click();
  await expect(page.getByRole("heading", { name: "Publish the review" })).toBeVisible();
  const checklist = page.getByRole("region", { name: "Before publishing" });
  await expect(checklist).toContainText("1 of 5 done");
  await expect(checklist.getByRole("listitem").filter({ hasText: "The narrative is written" })).toContainText("(to do)");
  await expect(checklist.getByRole("link", { name: "Fix this" }).first()).toHaveAttribute("href", `/reviews/${id}/session?tab=narrative`);

  // Publishing now is refused, naming what is missing; what was typed stays.
  await page.getByRole("textbox", { name: /^Summary/ }).fill(`The ${word} consumer stalled for two hours after a deploy; messages waited in a dead-letter topic few people knew about.`);
  await page.getByRole("textbox", { name: /^Impact/ }).fill("Order e-mails up to two hours late.");
  await page.getByRole("textbox", { name: /^Tags/ }).fill("queues, Dead Letters");
  await page.getByLabel("The whole organisation").check();
  await page.getByLabel("I checked the report for sensitive content").check();
  await page.getByRole("button", { name: "Publish review" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Still to do: write the narrative; give every finding an action or a reason for none." })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Summary/ })).toHaveValue(new RegExp(word));

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Before publishing" })).toContainText("3 of 5 done");

  // The group's session produces the narrative and decides on the finding (written directly here); the checklist follows.
  await writeNarrative(id, `The ${word} consumer stopped after the deploy. Messages moved to the dead-letter topic, which had no alert.`);
  await query(`UPDATE "Finding" SET "noActionReason" = 'Shared in the engineering newsletter', "noActionAt" = now() WHERE "reviewId" = $1`, [id]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Before publishing" })).toContainText("5 of 5 done");
  await expect(page.getByRole("textbox", { name: /^Tags/ })).toHaveValue("queues, dead-letters");
  await page.getByRole("button", { name: "Publish review" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Audience: The whole organisation")).toBeVisible();

  // Someone in another team (Search) finds it by a word of its narrative.
  const ctx = await browser.newContext();
  const reader = await ctx.newPage();
  await signIn(reader, "responder3@example.com");
  await reader.getByRole("link", { name: "Library" }).first().click();
  await expect(reader.getByRole("heading", { name: "Library", level: 1 })).toBeVisible();
  await reader.getByRole("searchbox", { name: "Search the library" }).fill(`"dead-letter topic" ${word}`);
  await reader.getByRole("searchbox", { name: "Search the library" }).press("Enter");
  await expect(reader).toHaveURL(new RegExp(`q=%22dead-letter`));
  const result = reader.getByRole("article").filter({ hasText: "Queue" });
  await expect(result).toHaveCount(1);
  await expect(result.locator("mark").first()).toBeVisible();
  await expect(result.getByText(/^Published /)).toBeVisible();
  // A result's finding category narrows the search to it; the filter shows it chosen.
  await result.getByRole("link", { name: "Knowledge gaps" }).click();
  await expect(reader).toHaveURL(/category=KNOWLEDGE_GAP/);
  await expect(reader.getByRole("combobox", { name: "Finding category" })).toHaveValue("KNOWLEDGE_GAP");
  await expect(result).toHaveCount(1);
  await result.getByRole("link").first().click();
  await expect(reader.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  for (const section of ["Timeline", "Narrative", "Findings", "Actions", "Participants"]) await expect(reader.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  await expect(reader.getByText("Few knew the queue had a dead-letter topic")).toBeVisible();
  await expect(reader.getByText("A blameless review")).toBeVisible();

  const download = reader.waitForEvent("download");
  await reader.getByRole("link", { name: "Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`review-queue-${word}-stalled.md`);
  const markdown = await readFile((await file.path())!, "utf8");
  expect(markdown).toContain(`# Review: Queue ${word} stalled`);
  expect(markdown).toContain("## Findings");
  expect(markdown).toContain("Messages moved to the dead-letter topic");
  await ctx.close();
});

test("the library API takes any query, refuses bad dates plainly, never shows hidden reviews, and exports", async ({ playwright }, testInfo) => {
  const baseURL = baseUrlOf(testInfo);
  const word = `zeph${unique()}`;
  const made = [];
  for (const visibility of ["ORGANISATION", "PARTICIPANTS"] as const) {
    const { id, api } = await reviewInPhase(playwright, baseURL, { responders: ["responder2@example.com"], phase: "GROUP", title: `Review: ${word} ${visibility.toLowerCase()}` });
    await expectJson(await api.post(`/api/v1/reviews/${id}/phase`, { data: { to: "ACTION_PLANNING" } }), 200);
    await meetPublishChecklist(id);
    const published = await expectJson<{ published: boolean; visibility: string }>(
      await api.post(`/api/v1/reviews/${id}/report/publish`, { data: { summary: `About ${word}.`, visibility, sensitiveReviewed: true, tags: ["e2e"] } }),
      200,
    );
    expect(published).toMatchObject({ published: true, visibility });
    made.push({ id, visibility, api });
  }
  const outsider = await bearerClientFor(playwright, baseURL, "responder3@example.com");
  const found = await expectJson<Search>(await outsider.get(`/api/v1/library/search?q=${word}`), 200);
  expect(found.items.map((i) => i.id)).toEqual([made[0]!.id]);
  expect(found).toMatchObject({ total: 1, totalCapped: false });
  expect(found.items[0]!.titleParts).toContainEqual({ text: word, match: true });
  const insider = await expectJson<Search>(await made[1]!.api.get(`/api/v1/library/search?q=${word}&sort=oldest`), 200);
  expect(insider.items.map((i) => i.id)).toEqual(made.map((m) => m.id));
  await expectJson(await outsider.get(`/api/v1/library/reviews/${made[1]!.id}`), 404);
  await expectJson(await outsider.get(`/api/v1/reviews/${made[1]!.id}/export?format=md`), 404);

  for (const q of [`"${word}`, "a & b | !c", "'; DROP TABLE \"Review\"; --", "🔥🚒", "x".repeat(10_240), "\\u0000"]) {
    const res = await outsider.get(`/api/v1/library/search?q=${encodeURIComponent(q)}`);
    expect(res.status(), q.slice(0, 30)).toBe(200);
  }
  const bad = await outsider.get(`/api/v1/library/search?from=2025-05-01&to=2025-04-01`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields.from).toEqual(["The start date must be on or before the end date."]);
  expect((await outsider.get(`/api/v1/library/search?from=1900-01-01`)).status()).toBe(400);

  const related = await expectJson<{ items: unknown[] }>(await outsider.get(`/api/v1/library/reviews/${made[0]!.id}/related`), 200);
  expect(Array.isArray(related.items)).toBe(true);
  const pdf = await outsider.get(`/api/v1/reviews/${made[0]!.id}/export?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(".pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const openapi = await expectJson<{ paths: Record<string, unknown> }>(await outsider.get("/api/v1/openapi.json"), 200);
  for (const path of ["/api/v1/library/search", "/api/v1/library/reviews/{id}", "/api/v1/library/reviews/{id}/related", "/api/v1/reviews/{id}/export", "/api/v1/reviews/{id}/report/publish"]) {
    expect(Object.keys(openapi.paths)).toContain(path);
  }
  await outsider.dispose();
  for (const m of made) await m.api.dispose();
});
