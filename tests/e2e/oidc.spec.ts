/**
 * Single sign-on end to end: real Chromium, the real Debrief server (configured with
 * AUTH_OIDC_ISSUER=http://localhost:$E2E_OIDC_PORT) and a real OpenID provider (oidc-provider 9)
 * started here. Only this file may use that port, so its tests run one after another.
 */
import { expect, test, type Page } from "@playwright/test";
import { createPasswordUser, query, unique } from "./support/database";
import { startOidcProvider, type RunningOidcProvider } from "./support/oidc-provider";
import { signOutThroughMenu } from "./support/auth";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_PORT ?? 3210);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3299);

// A person the organisation's identity provider knows and Debrief does not (unique per run, so a
// rerun against the same database still meets a newcomer), and one who is a demo user already.
const newcomer = { email: `sso-newcomer-${unique()}@example.com`, name: "Sasha Newcomer" };
const observer = { email: "observer@example.com", name: "Observer As Known To SSO" };

// People this file creates in Debrief (with a password) to sign in through the provider.
const id = unique();
const mixedCase = { email: `e2e-mixed-${id}@test.example`, name: "Mia Mixedcase" };
const unverified = { email: `e2e-unverified-${id}@test.example`, name: "Ursula Unverified" };
const deactivated = { email: `e2e-deactivated-${id}@test.example`, name: "Dean Deactivated" };

let provider: RunningOidcProvider;

test.beforeAll(async () => {
  for (const person of [mixedCase, unverified, deactivated]) await createPasswordUser({ ...person, password: "a long enough passphrase" });
  await query(`UPDATE "User" SET "deactivatedAt" = now() WHERE email = $1`, [deactivated.email]);
  provider = await startOidcProvider({
    port: oidcPort,
    redirectUri: `http://localhost:${port}/api/auth/callback/oidc`,
    accounts: [
      newcomer,
      observer,
      // Identity providers do not all keep the case people typed (e.g. "First.Last@Company.com").
      { login: mixedCase.email, email: mixedCase.email.toUpperCase().replace("@TEST.EXAMPLE", "@Test.Example"), name: mixedCase.name },
      // An address the provider itself has not verified proves nothing about who this is.
      { email: unverified.email, name: "Someone Else", emailVerified: false },
      deactivated,
    ],
  });
});

test.afterAll(async () => {
  await provider?.stop();
});

type UserRow = { id: string; name: string | null; email: string; role: string; passwordHash: string | null };

const usersWithEmail = (email: string) => query<UserRow>(`SELECT id, name, email, role, "passwordHash" FROM "User" WHERE lower(email) = lower($1)`, [email]);
const oidcAccountsOf = (userId: string) =>
  query<{ provider: string; providerAccountId: string; id_token: string | null }>(`SELECT provider, "providerAccountId", id_token FROM "Account" WHERE "userId" = $1`, [userId]);

/** From Debrief's sign-in page through the provider's own login page (and consent, the first time). */
async function signInWithSso(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Example SSO" }).click();
  // Now on the identity provider: its own origin, its own login form.
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${oidcPort}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the development login page does not check it");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent for "openid email profile", asked once per person and client.
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${oidcPort}/interaction/`));
  await expect(page.getByText("email", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The signed-in frame's user menu (the first one: wide screens show it in the sidebar). */
const userMenu = (page: Page) => page.getByRole("button", { name: /@/ }).first();

test("a newcomer signs in with single sign-on and lands in Debrief as themselves, as a new member", async ({ page }) => {
  expect(await usersWithEmail(newcomer.email)).toHaveLength(0);

  await signInWithSso(page, newcomer.email);

  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/$`));
  await expect(page.getByRole("heading", { name: "Hello, Sasha" })).toBeVisible();
  await expect(userMenu(page)).toContainText(newcomer.name);
  await expect(userMenu(page)).toContainText(newcomer.email);

  const [user, ...others] = await usersWithEmail(newcomer.email);
  expect(others).toHaveLength(0);
  expect(user).toMatchObject({ name: newcomer.name, email: newcomer.email, role: "MEMBER", passwordHash: null });
  const accounts = await oidcAccountsOf(user!.id);
  expect(accounts).toEqual([expect.objectContaining({ provider: "oidc", providerAccountId: newcomer.email })]);
  const joined = await query<{ data: { via: string } }>(`SELECT data FROM "AuditEvent" WHERE type = 'user.joined' AND "subjectId" = $1`, [user!.id]);
  expect(joined).toEqual([{ data: { email: newcomer.email, via: "sso" } }]);

  // Signing out and in again through the provider (whose session remembers the person and the
  // consent, so it sends them straight back) finds the same user: no second user, no second link.
  await signOutThroughMenu(page, userMenu(page));
  await page.getByRole("button", { name: "Continue with Example SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/$`));
  await expect(userMenu(page)).toContainText(newcomer.email);
  expect((await usersWithEmail(newcomer.email)).map((u) => u.id)).toEqual([user!.id]);
  expect(await oidcAccountsOf(user!.id)).toHaveLength(1);
});

test("an existing user who signs in with single sign-on is linked to their user, not duplicated", async ({ page }) => {
  const before = await usersWithEmail(observer.email);
  expect(before).toHaveLength(1);
  const existing = before[0]!;
  expect(existing.name).not.toBe(observer.name);

  await signInWithSso(page, observer.email);

  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/$`));
  // Debrief shows the user it already had (its name, not the provider's).
  await expect(userMenu(page)).toContainText(existing.name!);
  await expect(userMenu(page)).toContainText(observer.email);

  const after = await usersWithEmail(observer.email);
  expect(after).toEqual([expect.objectContaining({ id: existing.id, name: existing.name, role: existing.role, passwordHash: existing.passwordHash })]);
  expect(await oidcAccountsOf(existing.id)).toEqual([expect.objectContaining({ provider: "oidc", providerAccountId: observer.email })]);
  // Linking is not joining: no second user.joined event.
  const joined = await query(`SELECT id FROM "AuditEvent" WHERE type = 'user.joined' AND "subjectId" = $1`, [existing.id]);
  expect(joined).toHaveLength(1);
});

test("an address in another case at the provider still finds the existing user", async ({ page }) => {
  const [existing] = await usersWithEmail(mixedCase.email);

  await signInWithSso(page, mixedCase.email);

  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/$`));
  await expect(userMenu(page)).toContainText(mixedCase.name);
  await expect(userMenu(page)).toContainText(mixedCase.email);
  expect((await usersWithEmail(mixedCase.email)).map((u) => u.id)).toEqual([existing!.id]);
  expect(await oidcAccountsOf(existing!.id)).toHaveLength(1);
});

test("an e-mail address the provider has not verified does not sign in as the user who has it", async ({ page }) => {
  const [existing] = await usersWithEmail(unverified.email);

  await signInWithSso(page, unverified.email);

  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/sign-in`));
  await expect(page.getByRole("alert").filter({ hasText: "cannot sign in" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await oidcAccountsOf(existing!.id)).toHaveLength(0);
  expect(await usersWithEmail(unverified.email)).toHaveLength(1);
});

test("a deactivated user cannot sign in with single sign-on either", async ({ page }) => {
  const [existing] = await usersWithEmail(deactivated.email);

  await signInWithSso(page, deactivated.email);

  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/sign-in`));
  await expect(page.getByRole("alert").filter({ hasText: "cannot sign in" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await oidcAccountsOf(existing!.id)).toHaveLength(0);
});

test("someone the provider refuses does not get into Debrief", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Example SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${oidcPort}/interaction/`));
  // The provider's "cancel" (abort) answers Debrief with access_denied.
  const abort = page.url().replace(/\/?$/, "/abort");
  await page.goto(abort);
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${port}/sign-in`));
  await expect(page.getByRole("alert").filter({ hasText: /did not work|cannot sign in/ })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});
