import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { invitedPerson, unique } from "./support/people";

test("a person changes their name and timezone; an empty name gets a field error first", async ({ browser, page }) => {
  const person = await invitedPerson(browser);
  await signIn(page, person.email, person.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByLabel("E-mail")).toHaveValue(person.email);

  await page.getByLabel("Name").fill("  ");
  await page.getByLabel("Timezone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Tell us your name.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");

  const renamed = `Renamed ${unique()}`;
  await page.getByLabel("Name").fill(renamed);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue(renamed);
  await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");
  // The sidebar follows.
  await expect(page.getByRole("button", { name: new RegExp(renamed) }).first()).toBeVisible();
});

test("an API token is shown once, works as a Bearer token, and stops working when revoked", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `e2e script ${unique()}`;
  await signIn(page, "responder3@example.com");
  await page.goto("/settings/tokens");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();

  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name the token after where it will be used, e.g. “CI script”.", { exact: true })).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(`Copy your new token “${name}” now. It will not be shown again.`)).toBeVisible();
  const token = await page.getByRole("textbox", { name: "API token" }).inputValue();
  expect(token).toMatch(/^dbf_/);
  await page.getByRole("button", { name: "Copy API token" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: "responder3@example.com" });

  // Shown once: after a reload only its name and prefix are listed.
  await page.reload();
  const row = page.getByRole("listitem", { name });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("last used just now");
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "API token" })).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText(`Revoked “${name}”.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  const after = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("times follow the timezone chosen in settings instead of the device's", async ({ browser, page }) => {
  const person = await invitedPerson(browser);
  await signIn(page, person.email, person.password);
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("tz check");
  await page.getByRole("button", { name: /Create token/ }).click();
  // Wait for the token to exist before leaving: navigating at once could cancel the submission.
  await expect(page.getByText("Copy your new token “tz check” now. It will not be shown again.")).toBeVisible();
  await page.goto("/settings/tokens");
  const created = page.locator("time").first();
  await expect(created).toHaveAttribute("title", /CET|CEST|GMT\+1|GMT\+2/); // the browser runs in Europe/Berlin
  await page.goto("/settings");
  await page.getByLabel("Timezone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.goto("/settings/tokens");
  await expect(page.locator("time").first()).toHaveAttribute("title", /GMT\+9|JST/);
});
