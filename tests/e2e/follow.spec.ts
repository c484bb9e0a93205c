/**
 * Following end to end: someone follows a team from its page, the team publishes a review, the
 * digest task runs (here, in the test process against the server's database — the worker runs
 * the same function on its schedule), the follower finds the notice, opens the report, and the
 * read shows to admins. The personal feed link serves the same review to a feed reader. And the
 * subscriptions API.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { baseUrlOf, bearerClientFor, expectError, expectJson, sessionClient } from "./support/api-client";
import { createPasswordUser, databaseUrl, unique } from "./support/database";
import { meetPublishChecklist } from "./support/publication";
import { reviewInPhase } from "./support/reviews";

async function runDigestFor(userId: string) {
  process.env.DATABASE_URL = databaseUrl();
  const { sendFollowDigests } = await import("../../lib/follow/send-follow-digests");
  // A few minutes on: the digest leaves out only reviews published in its last two minutes.
  return sendFollowDigests({ now: new Date(Date.now() + 5 * 60_000), userIds: [userId] });
}

test("follow a team, get its newly published review in the digest, read it — and the read shows to admins", async ({ page, browser, playwright }, testInfo) => {
  const person = await createPasswordUser({ name: `Fola Follower ${unique()}`, password: "follow-the-platform" });
  await signIn(page, person.email, person.password);
  await page.goto("/teams/platform");
  const follow = page.getByRole("button", { name: "Follow Platform" });
  await follow.click();
  await expect(page.getByText("Following Platform. New reviews reach you in your digest.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Following Platform" })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/settings/following");
  await expect(page.getByRole("link", { name: "Platform", exact: true })).toBeVisible();

  // Platform publishes a review.
  const { id, title, api } = await reviewInPhase(playwright, baseUrlOf(testInfo), { responders: ["responder2@example.com"], phase: "GROUP", title: `Review: Follow ${unique()}` });
  await expectJson(await api.post(`/api/v1/reviews/${id}/phase`, { data: { to: "ACTION_PLANNING" } }), 200);
  await meetPublishChecklist(id);
  await expectJson(await api.post(`/api/v1/reviews/${id}/phase`, { data: { to: "PUBLISHED" } }), 200);

  const sent = await runDigestFor(person.id);
  expect(sent).toEqual({ people: 1, reviews: 1 });
  await page.goto("/notifications");
  const notice = page.getByRole("link", { name: new RegExp(`New review from Platform: “${title}”`) });
  await expect(notice).toBeVisible();
  await expect(page.getByText("You follow Platform.").first()).toBeVisible();
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${id}/report$`));
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // Sent once: running the digest again finds nothing new for this person.
  expect(await runDigestFor(person.id)).toEqual({ people: 0, reviews: 0 });

  // The report shows how many read it; admins also see who.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@example.com");
  await admin.goto(`/reviews/${id}/report`);
  const readers = admin.getByRole("region", { name: "Readers" });
  await expect(readers).toContainText(/Read by \d+ (person|people)/);
  await readers.getByText("Who read it (admins only)").click();
  await expect(readers).toContainText(person.name);
  await expect(page.getByRole("region", { name: "Readers" })).not.toContainText("Who read it");
  await adminContext.close();

  // The feed link: made once, it serves the review to a feed reader (no session).
  await page.goto("/settings/following");
  await page.getByRole("button", { name: "Create feed link" }).click();
  const feedUrl = await page.getByLabel("Reviews you follow", { exact: true }).inputValue();
  expect(feedUrl).toMatch(/\/feeds\/following\.atom\?token=dbfeed_/);
  const reader = await playwright.request.newContext();
  const feed = await reader.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain(`/reviews/${id}/report`);
  expect((await reader.get(feedUrl.replace(/token=[^&]+/, "token=dbfeed_wrong"))).status()).toBe(401);
  await reader.dispose();
});

test("the subscriptions API follows, lists and unfollows, for API tokens and sessions", async ({ playwright }, testInfo) => {
  const api = await bearerClientFor(playwright, baseUrlOf(testInfo), "observer@example.com");
  const tag = `e2e-${unique()}`;
  const created = await expectJson<{ kind: string; value: string; created: boolean }>(await api.post("/api/v1/me/subscriptions", { data: { kind: "TAG", value: tag.toUpperCase() } }), 200);
  expect(created).toMatchObject({ kind: "TAG", value: tag, created: true });
  expect((await expectJson<{ created: boolean }>(await api.post("/api/v1/me/subscriptions", { data: { kind: "TAG", value: tag } }), 200)).created).toBe(false);
  const team = await expectJson<{ label: string }>(await api.post("/api/v1/me/subscriptions", { data: { kind: "TEAM", value: "search" } }), 200);
  expect(team.label).toBe("Search");
  const list = await expectJson<{ kind: string; value: string }[]>(await api.get("/api/v1/me/subscriptions"), 200);
  expect(list.map((s) => s.value)).toContain(tag);
  expect((await api.delete(`/api/v1/me/subscriptions?kind=TAG&value=${tag}`)).status()).toBe(204);
  await expectError(await api.delete(`/api/v1/me/subscriptions?kind=TAG&value=${tag}`), 404, "NOT_FOUND");
  await expectError(await api.post("/api/v1/me/subscriptions", { data: { kind: "PERSON", value: "x" } }), 400, "VALIDATION_FAILED");
  await expectError(await api.post("/api/v1/me/subscriptions", { data: { kind: "TEAM", value: "no-such-team" } }), 404, "NOT_FOUND");
  expect((await api.delete("/api/v1/me/subscriptions?kind=TEAM&value=search")).status()).toBe(204);
  // A session works too (same-origin writes only, like every write with the cookie).
  const session = await sessionClient(playwright, baseUrlOf(testInfo), "observer@example.com");
  await expectError(await session.post("/api/v1/me/subscriptions", { data: { kind: "TAG", value: tag }, headers: { origin: "https://evil.example" } }), 403, "FORBIDDEN");
  await Promise.all([api.dispose(), session.dispose()]);
});
