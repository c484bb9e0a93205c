/**
 * The team's tracker, end to end against the real server: a product manager connects GitHub
 * Issues (a fake GitHub this test starts on 127.0.0.1), tests the connection, an agreed action is
 * pushed and shows its key and link, and GitHub closing the issue comes back through the signed
 * webhook. The team, its people, review and action are the test's own (arranged in the database),
 * so the demo organisation's teams are left as they are.
 */
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";
import { sameOrigin } from "./support/api-client";
import { createPasswordUser, query, unique } from "./support/database";

let gh: FakeGithub;

test.beforeAll(async () => {
  gh = await startFakeGithub();
});
test.afterAll(async () => {
  await gh.stop();
});

/** A team with a product manager and a member, and one agreed action of a published review. */
async function arrange() {
  const id = unique();
  const pm = await createPasswordUser({ name: `Pat PM ${id}`, password: "tracker-e2e-password" });
  const member = await createPasswordUser({ name: `Mo Member ${id}`, password: "tracker-e2e-password" });
  const teamId = `e2eteam${id}`;
  await query(`INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [teamId, `Tracker ${id}`, `tracker-${id}`]);
  await query(`INSERT INTO "TeamMembership" (id, "teamId", "userId", role) VALUES ($1, $2, $3, 'PRODUCT_MANAGER'), ($4, $2, $5, 'MEMBER')`, [`m1${id}`, teamId, pm.id, `m2${id}`, member.id]);
  await query(`INSERT INTO "Incident" (id, title, severity, "startedAt", "detectedAt", "teamId", "updatedAt") VALUES ($1, 'Checkout timeouts', 'SEV2', now() - interval '2 days', now() - interval '2 days', $2, now())`, [`inc${id}`, teamId]);
  await query(`INSERT INTO "Review" (id, "incidentId", title, phase, visibility, "publishedAt", "updatedAt") VALUES ($1, $2, 'Checkout timeouts', 'PUBLISHED', 'ORGANISATION', now(), now())`, [`rev${id}`, `inc${id}`]);
  const actionId = `act${id}${unique()}`;
  await query(
    `INSERT INTO "ActionItem" (id, "reviewId", "teamId", title, description, "descriptionText", priority, kind, rank, "agreedAt", "dueDate", "updatedAt")
     VALUES ($1, $2, $3, 'Alert when checkout latency passes 2 s', $4, 'Nobody was paged.', 'HIGH', 'DETECTION', 'a0', now(), '2031-03-01', now())`,
    [actionId, `rev${id}`, teamId, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Nobody was paged." }] }] })],
  );
  return { pm, member, slug: `tracker-${id}`, actionId, reviewId: `rev${id}` };
}

test("a product manager connects GitHub, an agreed action is pushed, and GitHub closing it comes back", async ({ page, baseURL }) => {
  const { pm, member, slug, actionId, reviewId } = await arrange();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(pm.email);
  await page.getByLabel("Password").fill(pm.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.goto(`/teams/${slug}/tracker`);
  await expect(page.getByRole("heading", { name: "Tracker", level: 1 })).toBeVisible();
  await page.getByLabel("Owner").fill(gh.owner);
  await page.getByLabel("Repository").fill(gh.repo);
  await page.getByLabel("Token").fill(gh.token);
  await page.getByLabel("API base URL").fill(gh.url);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByText("Copy the webhook secret now: it is not shown again")).toBeVisible();
  const secret = await page.getByRole("textbox", { name: "Webhook secret" }).inputValue();
  const hookUrl = await page.getByRole("textbox", { name: "Tracker webhook URL" }).inputValue();
  expect(secret).toMatch(/^[\w-]{32}$/);
  expect(hookUrl).toMatch(/\/api\/webhooks\/github\/\w+$/);
  await expect(page.getByText(gh.token)).toHaveCount(0);

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("Connection works")).toBeVisible();
  await expect(page.getByText("Connected to acme/payments (private).").first()).toBeVisible();

  // Push (as the actions page and the API do), then watch it land.
  const pushed = await page.request.post(`/api/v1/action-items/${actionId}/push`, { headers: sameOrigin(baseURL!) });
  expect(pushed.status(), await pushed.text()).toBe(200);
  expect(await pushed.json()).toMatchObject({ id: actionId, syncState: "PENDING" });
  const row = page.getByRole("listitem", { name: "Alert when checkout latency passes 2 s" });
  await expect(async () => {
    await page.reload();
    await expect(row.getByText("In tracker")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const issue = gh.issues.find((i) => i.body?.includes(`debrief-action:${actionId}`))!;
  expect(issue.labels.map((l) => l.name)).toContain("priority: high");
  await expect(row.getByRole("link", { name: `acme/payments#${issue.number}` })).toHaveAttribute("href", issue.html_url);
  await expect(row.getByText("Open", { exact: true })).toBeVisible();
  await expect(page.getByText("Copy the webhook secret now")).toHaveCount(0); // shown once

  // The real route refuses a forged delivery…
  const forged = await gh.sendWebhook(hookUrl, "not-the-secret", "closed", { ...issue, state: "closed" });
  expect(forged.status).toBe(401);
  const broken = "{ nope";
  const malformed = await fetch(hookUrl, { method: "POST", headers: { "x-github-event": "issues", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(broken).digest("hex")}` }, body: broken });
  expect(malformed.status).toBe(400);
  // …and applies GitHub's own.
  Object.assign(issue, { state: "closed", state_reason: "completed" });
  const delivered = await gh.sendWebhook(hookUrl, secret, "closed", issue);
  expect(delivered.status).toBe(200);
  await page.reload();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();

  // The action's history shows each exchange, both ways — in the API and on the review's actions page.
  const history = await page.request.get(`/api/v1/action-items/${actionId}/sync-history`);
  expect(history.status()).toBe(200);
  const summaries = ((await history.json()) as { items: { direction: string; summary: string }[] }).items;
  expect(summaries[0]).toEqual(expect.objectContaining({ direction: "IN", summary: "Status changed in the tracker: Open → Done" }));
  expect(summaries).toContainEqual(expect.objectContaining({ direction: "OUT", summary: `Created acme/payments#${issue.number} in GitHub` }));
  expect(summaries.at(-1)).toEqual(expect.objectContaining({ direction: "OUT", summary: "Queued to send to the tracker" }));
  await page.goto(`/reviews/${reviewId}/actions`);
  await page.getByText("Sync history").first().click();
  const list = page.getByRole("list", { name: "Sync history of “Alert when checkout latency passes 2 s”" });
  await expect(list.getByRole("listitem").first()).toContainText("Status changed in the tracker: Open → Done");
  await expect(list).toContainText(`Created acme/payments#${issue.number} in GitHub`);

  // A member of the team sees the state, read-only.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto(`/teams/${slug}/tracker`);
  await expect(page.getByText("acme/payments", { exact: true })).toBeVisible();
  await expect(page.getByText("Admins and the team’s product managers manage the tracker.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disconnect" })).toHaveCount(0);
  await expect(page.getByLabel("Token")).toHaveCount(0);
});
