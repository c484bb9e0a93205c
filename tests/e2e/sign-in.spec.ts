import { expect, test } from "@playwright/test";
import { signIn, signOutThroughMenu } from "./support/auth";

test("the sign-in page shows the demo users, and picking one signs in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  const demo = page.getByRole("region", { name: "Demo organisation" });
  await expect(demo).toContainText("demo-password");
  for (const email of ["admin@example.com", "facilitator@example.com", "responder1@example.com", "responder2@example.com", "responder3@example.com", "pm@example.com", "observer@example.com"]) {
    await expect(demo).toContainText(email);
  }
  await demo.getByRole("button", { name: /Fran Facilitator/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Hello, Fran" })).toBeVisible();
});

test("a wrong password gets a clear message and keeps the e-mail typed", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("observer@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("observer@example.com");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "responder2@example.com");
  await signOutThroughMenu(page, page.getByRole("button", { name: /Sam Responder/ }).first());
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});
