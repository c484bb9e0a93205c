/**
 * The reviews list's filters in the browser: team and severity (with phase and words), kept in the
 * address so a filtered list can be shared, and cleared in one click.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("filters the reviews by team and severity, and clears them", async ({ page }) => {
  await signIn(page, "facilitator@example.com");
  await page.goto("/reviews?filter=all");
  const search = page.getByRole("search");
  await search.getByLabel("Team").selectOption({ label: "Search" });
  await search.getByLabel("Severity").selectOption("SEV2");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/severity=SEV2/);
  await expect(page).toHaveURL(/teamId=/);

  const rows = page.getByRole("main").getByRole("listitem");
  await expect(rows.filter({ hasText: "Search results stale for six hours" })).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row).toContainText("Search");
    await expect(row).toContainText("SEV2");
  }
  // The choices stay selected on the filtered page.
  await expect(search.getByLabel("Severity")).toHaveValue("SEV2");

  await page.getByRole("link", { name: "Clear", exact: true }).click();
  await expect(page).not.toHaveURL(/severity=|teamId=/);
  await expect(search.getByLabel("Severity")).toHaveValue("");
  await expect(search.getByLabel("Team")).toHaveValue("");
  // Every review again: the first rows are those of the unfiltered list (the API answers the same).
  const all = (await (await page.request.get("/api/v1/reviews?filter=all&limit=3")).json()) as { items: { title: string }[] };
  for (const [i, review] of all.items.entries()) await expect(rows.nth(i).getByRole("link").first()).toHaveText(review.title);
});
