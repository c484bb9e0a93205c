/**
 * Failed password sign-ins are limited per address: after 5 wrong passwords the address is
 * blocked for the rest of 15 minutes, even with the right password — in the sign-in page and
 * through Auth.js's own endpoint that scripts use. Users here are this file's own (demo users are
 * shared with other tests, and a block would break them).
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createPasswordUser, query } from "./support/database";

const PASSWORD = "a long enough passphrase";

const failures = async (email: string) =>
  Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "SignInAttempt" WHERE email = $1 AND success = false`, [email]))[0]!.n);

/** Signs in the way a script does: CSRF token first, then the credentials callback, no redirects followed. */
async function apiSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  return { status: response.status(), location: response.headers()["location"] ?? "", setCookie: response.headers()["set-cookie"] ?? "", session };
}

test("after 5 wrong passwords the address is blocked, even with the right password — in the page and through the API", async ({ page, playwright, baseURL }) => {
  const user = await createPasswordUser({ name: "Rita Ratelimit", password: PASSWORD });

  await page.goto("/sign-in");
  // The button says "Signing in…" while an attempt is on its way; when it is back, the form has been
  // reset after the answer (React resets a form after its action), so what is filled now stays.
  const signInButton = page.getByRole("button", { name: "Sign in", exact: true });
  for (let i = 1; i <= 5; i++) {
    await expect(signInButton).toBeEnabled();
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await signInButton.click();
    await expect.poll(() => failures(user.email)).toBe(i);
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  }

  // The sixth attempt, with the right password, is refused and says for how long.
  await expect(signInButton).toBeEnabled();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await signInButton.click();
  const alert = page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts" });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(/Too many failed sign-in attempts\. For your safety, try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  // Nothing was recorded for the refused attempt: it never reached the password check.
  expect(await failures(user.email)).toBe(5);
  expect(await query(`SELECT id FROM "SignInAttempt" WHERE email = $1 AND success = true`, [user.email])).toHaveLength(0);

  // Scripts signing in through Auth.js's endpoint get no session for the blocked address…
  const blocked = await playwright.request.newContext({ baseURL });
  const refused = await apiSignIn(blocked, user.email, PASSWORD);
  expect(refused.status).toBe(302);
  expect(refused.location).toMatch(/\/sign-in\?error=CredentialsSignin&code=rate_limited/);
  expect(refused.setCookie).not.toMatch(/authjs\.session-token=/);
  expect(refused.session?.user).toBeUndefined();
  await blocked.dispose();

  // …while another address, from the same client, signs in through the same endpoint as usual.
  const other = await createPasswordUser({ name: "Otto Other", password: PASSWORD });
  const fine = await playwright.request.newContext({ baseURL });
  const accepted = await apiSignIn(fine, other.email, PASSWORD);
  expect(accepted.status).toBe(302);
  expect(accepted.location).not.toMatch(/error=/);
  expect(accepted.setCookie).toMatch(/authjs\.session-token=/);
  expect(accepted.session?.user?.email).toBe(other.email);
  await fine.dispose();
});
