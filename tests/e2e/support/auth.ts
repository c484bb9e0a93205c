import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

/** Signs in through the sign-in form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * Signs out through the user menu. The menu opens on pointer-down once the page is hydrated, so a
 * click that lands earlier is retried rather than failing.
 */
export async function signOutThroughMenu(page: Page, menuButton = page.getByRole("button", { name: /@/ }).first()) {
  const item = page.getByRole("menuitem", { name: "Sign out" });
  await expect(async () => {
    if (!(await item.isVisible())) await menuButton.click();
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await item.click();
  await expect(page).toHaveURL(/\/sign-in/);
}
