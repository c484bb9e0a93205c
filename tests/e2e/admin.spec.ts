import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support/auth";
import { acceptInvitation, createInvitation, invitedPerson, unique } from "./support/people";

test("an admin invites someone, copies the link once, and the newcomer joins and signs in", async ({ browser, page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const id = unique();
  const email = `newcomer-${id}@test.example`;
  await signIn(page, "admin@example.com");

  // Someone who has joined already cannot be invited: the error says so beside the field.
  await page.goto("/admin/people");
  const form = page.locator("#invite");
  await form.getByLabel("E-mail").fill("facilitator@example.com");
  await form.getByRole("button", { name: "Create invitation link" }).click();
  await expect(form.getByText("Already a member.", { exact: true })).toBeVisible();
  await expect(form.getByLabel("E-mail")).toHaveValue("facilitator@example.com");

  const link = await createInvitation(page, { email, name: `Nia ${id}` });
  await expect(page.locator("#invite").getByText("Send this link to them")).toBeVisible();
  await expect(page.locator("#invite").getByText(/valid for 7 days/)).toBeVisible();
  await page.locator("#invite").getByRole("button", { name: "Copy Invitation link" }).click();
  await expect(page.locator("#invite").getByRole("button", { name: "Copied Invitation link" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // The open invitation is listed until it is used.
  await expect(page.getByRole("listitem", { name: `Invitation for ${email}` })).toBeVisible();

  // A fresh browser: a password that is too short gets a field error first, nothing else is lost.
  const newcomer = await browser.newContext();
  const tab = await newcomer.newPage();
  await tab.goto(link);
  await tab.getByLabel("Your name").fill(`Nia ${id}`);
  await tab.getByLabel(/^Password/).fill("short");
  await tab.getByLabel("Repeat the password").fill("short");
  await tab.getByRole("button", { name: "Join Debrief" }).click();
  await expect(tab.getByText("Use at least 10 characters.", { exact: true })).toBeVisible();
  await expect(tab.getByLabel("Your name")).toHaveValue(`Nia ${id}`);
  const password = `a long passphrase ${id}`;
  await tab.getByLabel(/^Password/).fill(password);
  await tab.getByLabel("Repeat the password").fill(password);
  await tab.getByRole("button", { name: "Join Debrief" }).click();
  await expect(tab).toHaveURL(/\/sign-in\?welcome=/);
  await signIn(tab, email, password);
  await expect(tab.getByRole("heading", { name: "Hello, Nia" })).toBeVisible();
  // The link works once.
  await tab.goto(link);
  await expect(tab.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await newcomer.close();

  // The audit log tells it in plain words, filtered by event type.
  await page.goto("/admin/audit");
  await page.getByLabel("Event", { exact: true }).selectOption({ label: "Person invited" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=user\.invited/);
  await expect(page.getByRole("listitem").filter({ hasText: `Ada Admin invited ${email} as member` })).toBeVisible();
  await page.goto("/admin/people");
  await expect(page.getByRole("listitem", { name: `Invitation for ${email}` })).toHaveCount(0);
});

test("an invitation can be revoked, and its link stops working", async ({ browser, page }) => {
  const email = `revoked-${unique()}@test.example`;
  await signIn(page, "admin@example.com");
  const link = await createInvitation(page, { email });
  const row = page.getByRole("listitem", { name: `Invitation for ${email}` });
  await row.getByRole("button", { name: `Revoke the invitation for ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByText(`Revoked the invitation for ${email}`)).toBeVisible();
  await expect(row).toHaveCount(0);
  const other = await browser.newContext();
  const tab = await other.newPage();
  await tab.goto(link);
  await expect(tab.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await other.close();
});

test("people who are not admins get the ordinary 404 for every admin page", async ({ page }) => {
  await signIn(page, "pm@example.com");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/people", "/admin/teams", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("an admin creates a team and adds its first member", async ({ page }) => {
  const id = unique();
  await signIn(page, "admin@example.com");
  await page.goto("/admin/teams");
  await page.getByRole("textbox", { name: /^Name/ }).fill(`Checkout ${id}`);
  await page.getByLabel("Short name").fill("Not A Slug!");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Lower-case letters, digits and single hyphens, e.g. payments-api.", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue(`Checkout ${id}`);
  await page.getByLabel("Short name").fill("");
  await page.getByLabel("Description").fill("The checkout pages and their APIs.");
  await page.getByRole("button", { name: "Create team" }).click();

  await expect(page).toHaveURL(new RegExp(`/teams/checkout-${id}\\?created=1$`));
  await expect(page.getByRole("heading", { name: `Checkout ${id}`, level: 1 })).toBeVisible();
  await expect(page.getByText("Team created")).toBeVisible();
  await expect(page.getByText("Nobody is in this team yet.")).toBeVisible();

  // Someone who has not joined Debrief cannot be added; the form says what to do instead.
  await page.getByLabel("E-mail").fill(`nobody-${id}@test.example`);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("No active Debrief user has this e-mail address. Invite them first.", { exact: true })).toBeVisible();

  await page.getByLabel("E-mail").fill("observer@example.com");
  await page.getByLabel("Team role", { exact: true }).selectOption({ label: "Product manager" });
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("Added observer@example.com.")).toBeVisible();
  await expect(page.getByLabel("Team role of Oli Observer")).toHaveValue("PRODUCT_MANAGER");

  await page.goto("/admin/teams");
  await expect(page.getByRole("link", { name: `Checkout ${id}` })).toBeVisible();
});

test("an admin deactivates someone, who can no longer sign in, and reactivates them", async ({ browser, page }) => {
  const person = await invitedPerson(browser);
  await signIn(page, "admin@example.com");
  await page.goto("/admin/people");
  const row = page.getByRole("listitem", { name: person.name });
  await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("can no longer sign in");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(`${person.name} is deactivated and can no longer sign in.`)).toBeVisible();
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();

  const other = await browser.newContext();
  const tab = await other.newPage();
  await tab.goto("/sign-in");
  await tab.getByLabel("E-mail").fill(person.email);
  await tab.getByLabel("Password").fill(person.password);
  await tab.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(tab.getByRole("alert").filter({ hasText: "This account has been deactivated" })).toBeVisible();
  await expect(tab).toHaveURL(/\/sign-in/);

  await row.getByRole("button", { name: `Reactivate ${person.name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByText(`${person.name} can sign in again.`)).toBeVisible();
  await signIn(tab, person.email, person.password);
  await other.close();
});

test("an admin changes someone's global role; the change shows in the audit log", async ({ browser, page }) => {
  const person = await invitedPerson(browser);
  await signIn(page, "admin@example.com");
  await page.goto("/admin/people");
  const row = page.getByRole("listitem", { name: person.name });
  const role = row.getByLabel(`Role of ${person.name} in Debrief`);
  await expect(row.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await role.selectOption("ADMIN");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText(`${person.name} is now an admin.`)).toBeVisible();
  await page.reload();
  await expect(role).toHaveValue("ADMIN");
  await role.selectOption("MEMBER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText(`${person.name} is now a member`)).toBeVisible();

  await page.goto("/admin/audit?type=user.role_changed");
  await expect(page.getByRole("listitem").filter({ hasText: `Ada Admin made ${person.name} an admin (was member)` })).toBeVisible();
  // Nobody signs in with the demo password as this person.
  expect(person.password).not.toBe(DEMO_PASSWORD);
});

test("a newcomer invited into a team with a role lands in that team", async ({ browser, page }) => {
  const id = unique();
  const email = `pm-${id}@test.example`;
  await signIn(page, "admin@example.com");
  await page.goto("/admin/teams");
  await page.getByRole("textbox", { name: /^Name/ }).fill(`Onboarding ${id}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/teams\/onboarding-/);
  const link = await createInvitation(page, { email, name: `Olu ${id}`, team: `Onboarding ${id}`, teamRole: "Product manager" });
  await acceptInvitation(browser, link, { name: `Olu ${id}`, password: `a long passphrase ${id}` });
  await page.goto(`/teams/onboarding-${id}`);
  await expect(page.getByLabel(`Team role of Olu ${id}`)).toHaveValue("PRODUCT_MANAGER");
});

test("the admin overview says how sign-in, e-mail and trackers are set up, and downloads a backup", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin");
  const setup = page.getByRole("definition");
  // This server has single sign-on (a local OpenID provider) and no SMTP; no secret is shown.
  await expect(setup.filter({ hasText: "Example SSO" })).toContainText(/On: “Example SSO” through localhost:\d+/);
  await expect(setup.filter({ hasText: "SMTP_URL" })).toContainText("Not set up: invitations give you a link to pass on");
  expect(await page.content()).not.toContain("debrief-e2e-client-secret");
  await expect(page.getByRole("link", { name: "Payments" })).toHaveAttribute("href", "/teams/payments/tracker");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download an export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^debrief-export-.*\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), "utf8")) as { format: string; tables: Record<string, unknown[]> };
  expect(exported.format).toBe("debrief-organisation-export");
  expect(Object.keys(exported.tables)).toEqual(expect.arrayContaining(["User", "Team", "Review"]));
});
