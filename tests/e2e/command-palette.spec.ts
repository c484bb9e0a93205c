/**
 * The command palette: Ctrl+K (or the sidebar's "Jump to…", or the search icon on a phone) opens
 * it; typing finds reviews on the server by the words of their title, teams (and one's own teams'
 * backlogs) and pages; arrows and Enter go there; Escape closes it; nothing found says so.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

const palette = (page: Page) => page.getByRole("dialog", { name: "Jump to a page, team or review" });

/** Ctrl+K once the page listens for it (the shortcut is attached when the page has hydrated). */
async function openWithShortcut(page: Page) {
  await expect(async () => {
    if (!(await palette(page).isVisible())) await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test("Ctrl+K finds a review by its title and goes there with Enter; Escape closes; pages and teams are found too", async ({ page }) => {
  await signIn(page, "facilitator@example.com");
  await openWithShortcut(page);
  const input = palette(page).getByRole("combobox");
  await expect(input).toBeFocused();
  // With nothing typed: the person's own recent reviews, and the pages.
  await expect(palette(page).getByRole("option", { name: /Insights/ })).toBeVisible();
  await expect(palette(page).getByText("Your recent reviews")).toBeVisible();

  await input.fill("stale six");
  const hit = palette(page).getByRole("option", { name: /Search results stale for six hours/ });
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAttribute("aria-selected", "true"); // the first result is ready for Enter
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reviews\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search results stale for six hours" })).toBeVisible();
  await expect(palette(page)).toBeHidden();

  // Escape closes it and keeps the page.
  await openWithShortcut(page);
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Search results stale for six hours" })).toBeVisible();

  // The sidebar's button; teams, with the backlog of one's own team, chosen with the arrow keys.
  await page.getByRole("button", { name: /Jump to/ }).click();
  const input2 = palette(page).getByRole("combobox");
  await input2.fill("payments");
  await expect(palette(page).getByRole("option", { name: "Payments", exact: true })).toBeVisible();
  await expect(palette(page).getByRole("option", { name: "Payments backlog" })).toHaveCount(0); // not Fran's team
  await input2.fill("platform");
  await expect(palette(page).getByRole("option", { name: "Platform", exact: true })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(palette(page).getByRole("option", { name: "Platform backlog" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/teams\/platform\/backlog$/);

  // Nothing found says so.
  await openWithShortcut(page);
  await palette(page).getByRole("combobox").fill("qqzzxx no such thing");
  await expect(palette(page).getByText("Nothing matches “qqzzxx no such thing”.")).toBeVisible();
});

test("on a phone the search icon in the top bar opens it, and a page is one tap away", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, "responder1@example.com");
  const icon = page.getByRole("button", { name: /Jump to a page, team or review/ });
  await expect(async () => {
    if (!(await palette(page).isVisible())) await icon.click();
    await expect(palette(page)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await palette(page).getByRole("combobox").fill("library");
  await palette(page).getByRole("option", { name: "Library", exact: true }).click();
  await expect(page).toHaveURL(/\/library$/);
  await page.context().close();
});
