/**
 * People the end-to-end tests own, created the way an organisation gets them: an admin invites
 * them on /admin/people and they accept the link in their own browser. Demo users are shared by
 * every test, so tests that change a person (name, role, deactivation) use one of these.
 */
import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./auth";

export const unique = () => randomBytes(4).toString("hex");

export type InvitedPerson = { name: string; email: string; password: string };

/** On /admin/people (signed in as an admin): fills the invitation form and returns the link shown once. */
export async function createInvitation(page: Page, opts: { email: string; name?: string; role?: "Member" | "Admin"; team?: string; teamRole?: "Member" | "Product manager" }) {
  await page.goto("/admin/people");
  const form = page.locator("#invite");
  await form.getByLabel("E-mail").fill(opts.email);
  if (opts.name) await form.getByLabel("Name", { exact: true }).fill(opts.name);
  if (opts.role) await form.getByLabel("Role in Debrief").selectOption({ label: opts.role });
  if (opts.team) {
    await form.getByLabel("Team", { exact: true }).selectOption({ label: opts.team });
    if (opts.teamRole) await form.getByLabel("Team role").selectOption({ label: opts.teamRole });
  }
  await form.getByRole("button", { name: "Create invitation link" }).click();
  await expect(form.getByText(`Invitation ready for ${opts.email}`)).toBeVisible();
  const link = await form.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(/^https?:\/\/[^/]+\/invite\/[\w-]{20,}$/);
  return link;
}

/** Opens an invitation link in a fresh browser and joins with a name and password. */
export async function acceptInvitation(browser: Browser, link: string, person: { name: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Debrief" })).toBeVisible();
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel(/^Password/).fill(person.password);
  await page.getByLabel("Repeat the password").fill(person.password);
  await page.getByRole("button", { name: "Join Debrief" }).click();
  await expect(page).toHaveURL(/\/sign-in\?welcome=/);
  await context.close();
}

/** A new person invited by admin@example.com (optionally into a team) who has accepted and can sign in. */
export async function invitedPerson(browser: Browser, opts: { team?: string; teamRole?: "Member" | "Product manager" } = {}): Promise<InvitedPerson> {
  const id = unique();
  const person = { name: `Eve Example ${id}`, email: `e2e-${id}@test.example`, password: `passphrase ${id} horse` };
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, "admin@example.com");
  const link = await createInvitation(admin, { email: person.email, name: person.name, ...opts });
  await context.close();
  await acceptInvitation(browser, link, person);
  return person;
}
