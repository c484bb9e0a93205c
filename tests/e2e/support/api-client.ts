/**
 * REST API clients for end-to-end tests, got the way a script gets them: a session through the
 * credentials sign-in endpoint, then a personal API token created with that session.
 */
import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth";

type Playwright = PlaywrightWorkerArgs["playwright"];

export function baseUrlOf(testInfo: TestInfo): string {
  const url = testInfo.project.use.baseURL;
  if (!url) throw new Error("playwright.config.ts must set use.baseURL");
  return url;
}

/** A request context signed in as `email` (the context's cookie jar holds the session). */
export async function sessionClient(playwright: Playwright, baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const client = await playwright.request.newContext({ baseURL });
  const csrf = await client.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await client.post("/api/auth/callback/credentials", { form: { csrfToken, email, password }, maxRedirects: 0 });
  expect(signedIn.status(), `sign-in as ${email}`).toBe(302);
  expect(signedIn.headers()["location"] ?? "", `sign-in as ${email}`).not.toContain("error");
  const me = await client.get("/api/v1/me");
  expect(me.status(), `session of ${email}`).toBe(200);
  return client;
}

/** Headers of a same-origin browser request: what cookie-authenticated writes must send. */
export const sameOrigin = (baseURL: string) => ({ origin: new URL(baseURL).origin });

/** Creates an API token with `session` and returns it with its id. */
export async function createToken(session: APIRequestContext, baseURL: string, name: string): Promise<{ id: string; token: string }> {
  const res = await session.post("/api/v1/me/tokens", { data: { name }, headers: sameOrigin(baseURL) });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

/** A request context that authenticates with `Authorization: Bearer <token>` and no cookies. */
export function tokenClient(playwright: Playwright, baseURL: string, token: string): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

/** Signs in as `email` and returns a token client for them (the session client is disposed). */
export async function bearerClientFor(playwright: Playwright, baseURL: string, email: string): Promise<APIRequestContext> {
  const session = await sessionClient(playwright, baseURL, email);
  const { token } = await createToken(session, baseURL, `e2e ${email} ${Date.now()}`);
  await session.dispose();
  return tokenClient(playwright, baseURL, token);
}

/** The JSON body of `res` after checking its status (the body is shown when the status is wrong). */
export async function expectJson<T = Record<string, unknown>>(res: APIResponse, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status(), `${res.url()} → ${text.slice(0, 500)}`).toBe(status);
  expect(res.headers()["content-type"] ?? "").toContain("application/json");
  return JSON.parse(text) as T;
}

export type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

/** Checks `res` is the API's JSON error with this status and code, and returns it. */
export async function expectError(res: APIResponse, status: number, code: string): Promise<ApiError["error"]> {
  const body = await expectJson<ApiError>(res, status);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
  return body.error;
}

/** Unique text for titles, so parallel tests and reruns never see each other's data. */
export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

export type Team = { id: string; name: string; slug: string };

export async function teamBySlug(client: APIRequestContext, slug: string): Promise<Team> {
  const teams = await expectJson<Team[]>(await client.get("/api/v1/teams"), 200);
  const team = teams.find((t) => t.slug === slug);
  if (!team) throw new Error(`no team ${slug}`);
  return team;
}

/** A valid incident body for `teamId`, started an hour ago. */
export function incidentBody(teamId: string, title = unique("API incident")) {
  const startedAt = new Date(Date.now() - 60 * 60_000);
  return {
    title,
    severity: "SEV3",
    teamId,
    startedAt: startedAt.toISOString(),
    detectedAt: new Date(startedAt.getTime() + 5 * 60_000).toISOString(),
    resolvedAt: new Date(startedAt.getTime() + 30 * 60_000).toISOString(),
    services: ["checkout-api"],
  };
}

export async function createIncident(client: APIRequestContext, teamId: string, title?: string): Promise<{ id: string; title: string }> {
  return expectJson(await client.post("/api/v1/incidents", { data: incidentBody(teamId, title) }), 201);
}

export type Review = {
  id: string;
  title: string;
  phase: string;
  nextPhase: string | null;
  publishedAt: string | null;
  myRole: string | null;
  participants: { id: string; userId: string; email: string; role: string }[];
};

export async function createReview(
  client: APIRequestContext,
  incidentId: string,
  facilitatorEmail: string,
  extra: { title?: string; visibility?: string } = {},
): Promise<Review> {
  const res = await client.post("/api/v1/reviews", { data: { incidentId, title: extra.title ?? unique("API review"), facilitatorEmail, ...extra } });
  return expectJson<Review>(res, 201);
}
