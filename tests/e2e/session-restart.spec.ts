/**
 * Sessions survive a restart, and the server stops gracefully: this file runs its own Debrief
 * server (same database and AUTH_SECRET as the suite's), signs in, stops it with SIGTERM, starts
 * it again on the same port, and the same browser is still signed in. It also reads the server's
 * JSON log lines.
 */
import { expect, test } from "@playwright/test";
import { freePort } from "../support/ports";
import { createPasswordUser } from "./support/database";
import { jsonLogLines, startDebriefServer, type DebriefServer } from "./support/debrief-server";

const PASSWORD = "a long enough passphrase";

let server: DebriefServer | undefined;

test.afterEach(async () => {
  await server?.stop();
});

test("a signed-in browser stays signed in across a graceful restart, and requests are logged as JSON with a request id", async ({ browser }) => {
  test.setTimeout(240_000);
  const user = await createPasswordUser({ name: "Rene Restart", password: PASSWORD });
  const port = await freePort();
  // LOG_LEVEL=info: request lines are logged at info.
  const env = { LOG_LEVEL: "info" };
  server = await startDebriefServer(port, env);

  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${server.url}/$`));
  await expect(page.getByRole("heading", { name: "Hello, Rene" })).toBeVisible();
  const sessionCookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(sessionCookie?.value).toBeTruthy();

  // Every response carries a request id, and the JSON request log line has the same one.
  const response = await page.goto("/");
  const requestId = response!.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const first = server;
  await expect
    .poll(() => jsonLogLines(first.stdout()).find((l) => l.requestId === requestId))
    .toMatchObject({ msg: "request", method: "GET", path: "/", status: 200, level: 30, service: "debrief", ms: expect.any(Number) });
  // A client's own request id (for tracing through a proxy) is kept.
  const traced = await page.request.get("/sign-in", { headers: { "x-request-id": "trace-me.123" }, maxRedirects: 0 });
  expect(traced.headers()["x-request-id"]).toBe("trace-me.123");
  await expect.poll(() => jsonLogLines(first.stdout()).some((l) => l.requestId === "trace-me.123" && l.path === "/sign-in")).toBe(true);
  // Once serving, everything the server writes to stdout is JSON lines. (While starting, Next.js
  // itself may print a plain-text notice, e.g. how long loading next.config.js took.)
  const lines = first.stdout().split("\n").filter(Boolean);
  const ready = lines.findIndex((line) => line.includes('"msg":"Debrief is ready'));
  expect(ready).toBeGreaterThanOrEqual(0);
  expect(lines.slice(ready).filter((line) => jsonLogLines(line).length === 0)).toEqual([]);

  // SIGTERM: the server finishes, closes the database, says so, and exits 0.
  const exit = await first.stop();
  expect(exit).toEqual({ code: 0, signal: null });
  const messages = jsonLogLines(first.stdout()).map((l) => l.msg);
  expect(messages).toContain("Shutting down: finishing requests in flight…");
  expect(messages.at(-1)).toBe("Stopped");
  await expect(page.request.get("/api/health", { timeout: 5_000 })).rejects.toThrow();

  // Started again on the same port: the same browser is still signed in, with the same cookie.
  server = await startDebriefServer(port, env);
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`^${server.url}/$`));
  await expect(page.getByRole("heading", { name: "Hello, Rene" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Rene Restart/ }).first()).toContainText(user.email);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(user.email);

  await context.close();
  expect(await server.stop()).toEqual({ code: 0, signal: null });
  server = undefined;
});
