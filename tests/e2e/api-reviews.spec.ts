/**
 * REST API v1: incidents and reviews end to end — the whole review lifecycle, who may move it,
 * who may see it, participants and pagination. Every test makes its own incidents and reviews.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  baseUrlOf,
  bearerClientFor,
  createIncident,
  createReview,
  expectError,
  expectJson,
  teamBySlug,
  unique,
  type Review,
  type Team,
} from "./support/api-client";
import { meetPublishChecklist } from "./support/publication";

let facilitator: APIRequestContext; // platform
let responder1: APIRequestContext; // payments
let responder2: APIRequestContext; // platform
let responder3: APIRequestContext; // search
let pm: APIRequestContext; // payments, product manager
let platform: Team;
let payments: Team;

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = baseUrlOf(testInfo);
  const as = (who: string) => bearerClientFor(playwright, baseURL, `${who}@example.com`);
  [facilitator, responder1, responder2, responder3, pm] = await Promise.all([as("facilitator"), as("responder1"), as("responder2"), as("responder3"), as("pm")]);
  [platform, payments] = await Promise.all([teamBySlug(facilitator, "platform"), teamBySlug(facilitator, "payments")]);
});

test.afterAll(async () => {
  await Promise.all([facilitator, responder1, responder2, responder3, pm].map((c) => c?.dispose()));
});

const move = (client: APIRequestContext, reviewId: string, to: string) => client.post(`/api/v1/reviews/${reviewId}/phase`, { data: { to } });
const invite = (client: APIRequestContext, reviewId: string, email: string, role: "responder" | "observer") =>
  client.post(`/api/v1/reviews/${reviewId}/participants`, { data: { email, role } });

test("a review goes from PREPARING to PUBLISHED through the API", async () => {
  const incident = await createIncident(facilitator, platform.id);
  const title = unique("Lifecycle review");
  const review = await createReview(facilitator, incident.id, "facilitator@example.com", { title, visibility: "TEAM" });
  expect(review).toMatchObject({ title, phase: "PREPARING", nextPhase: "INDEPENDENT", myRole: "FACILITATOR", visibility: "TEAM" });
  expect(review.participants).toEqual([expect.objectContaining({ email: "facilitator@example.com", role: "FACILITATOR" })]);

  const tooEarly = await expectError(await move(facilitator, review.id, "INDEPENDENT"), 409, "CONFLICT");
  expect(tooEarly.message).toContain("at least one responder");

  const responder = await expectJson<{ id: string; role: string; reviewId: string }>(await invite(facilitator, review.id, "Responder2@Example.com", "responder"), 201);
  expect(responder).toMatchObject({ role: "RESPONDER", reviewId: review.id });
  const observer = await expectJson<{ id: string; role: string }>(await invite(facilitator, review.id, "observer@example.com", "observer"), 201);
  expect(observer.role).toBe("OBSERVER");
  await expectError(await invite(facilitator, review.id, "observer@example.com", "responder"), 409, "CONFLICT");
  const removed = await facilitator.delete(`/api/v1/reviews/${review.id}/participants/${observer.id}`);
  expect(removed.status()).toBe(204);
  await expectError(await facilitator.delete(`/api/v1/reviews/${review.id}/participants/${observer.id}`), 404, "NOT_FOUND");
  const facilitatorRow = review.participants[0]!;
  await expectError(await facilitator.delete(`/api/v1/reviews/${review.id}/participants/${facilitatorRow.id}`), 409, "CONFLICT");

  const prepared = await expectJson<Review>(await facilitator.get(`/api/v1/reviews/${review.id}`), 200);
  expect(prepared.participants.map((p) => `${p.role}:${p.email}`).sort()).toEqual(["FACILITATOR:facilitator@example.com", "RESPONDER:responder2@example.com"]);

  for (const phase of ["INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"]) {
    if (phase === "PUBLISHED") {
      // Publication waits for the publish checklist, and says what is missing.
      const refused = await facilitator.post(`/api/v1/reviews/${review.id}/phase`, { data: { to: phase } });
      expect(refused.status()).toBe(409);
      const { error } = (await refused.json()) as { error: { message: string; details: { unmet: { id: string }[] } } };
      expect(error.message).toContain("not ready to publish");
      expect(error.details.unmet.map((u) => u.id)).toEqual(["narrative", "findings", "finding-actions", "summary", "sensitive"]);
      await meetPublishChecklist(review.id);
    }
    const moved = await expectJson<Review>(await move(facilitator, review.id, phase), 200);
    expect(moved.phase).toBe(phase);
    expect((await expectJson<Review>(await responder2.get(`/api/v1/reviews/${review.id}`), 200)).phase).toBe(phase);
  }
  const published = await expectJson<Review>(await facilitator.get(`/api/v1/reviews/${review.id}`), 200);
  expect(published).toMatchObject({ phase: "PUBLISHED", nextPhase: null });
  expect(Date.parse(published.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);

  // Published: its phase can no longer change, and nobody joins as a responder any more.
  await expectError(await move(facilitator, review.id, "PUBLISHED"), 403, "FORBIDDEN");
  await expectError(await invite(facilitator, review.id, "responder1@example.com", "responder"), 403, "FORBIDDEN");

  const mine = await expectJson<{ items: { id: string; phase: string; myRole: string }[] }>(
    await responder2.get(`/api/v1/reviews?filter=mine&phase=PUBLISHED&q=${encodeURIComponent(title)}`),
    200,
  );
  expect(mine.items).toEqual([expect.objectContaining({ id: review.id, phase: "PUBLISHED", myRole: "RESPONDER" })]);
  const withReviews = await expectJson<{ reviews: { id: string; phase: string }[] }>(await facilitator.get(`/api/v1/incidents/${incident.id}`), 200);
  expect(withReviews.reviews).toEqual([expect.objectContaining({ id: review.id, phase: "PUBLISHED" })]);
});

test("phases move one step at a time, and only the facilitator moves them", async () => {
  const incident = await createIncident(facilitator, platform.id);
  const review = await createReview(facilitator, incident.id, "facilitator@example.com");
  await expectJson(await invite(facilitator, review.id, "responder2@example.com", "responder"), 201);

  const skip = await expectError(await move(facilitator, review.id, "GROUP"), 409, "CONFLICT");
  expect(skip.message).toContain("one step at a time");
  await expectError(await move(facilitator, review.id, "PREPARING"), 409, "CONFLICT");

  // responder2 takes part (and is in the owning team) but does not run the review.
  expect((await expectJson<Review>(await responder2.get(`/api/v1/reviews/${review.id}`), 200)).myRole).toBe("RESPONDER");
  const refused = await expectError(await move(responder2, review.id, "INDEPENDENT"), 403, "FORBIDDEN");
  expect(refused.message).toContain("facilitator");
  await expectError(await invite(responder2, review.id, "observer@example.com", "observer"), 403, "FORBIDDEN");

  expect((await expectJson<Review>(await facilitator.get(`/api/v1/reviews/${review.id}`), 200)).phase).toBe("PREPARING");
  expect((await expectJson<Review>(await move(facilitator, review.id, "INDEPENDENT"), 200)).phase).toBe("INDEPENDENT");
  await expectError(await move(facilitator, review.id, "INDEPENDENT"), 409, "CONFLICT");
});

test("an outsider gets the same 404 as for a missing review on every path, until it is published", async () => {
  const incident = await createIncident(responder1, payments.id);
  const title = unique("Payments-only review");
  const review = await createReview(responder1, incident.id, "responder1@example.com", { title });

  // The payments product manager sees it (owning team); responder3 (team search, not invited) does not.
  expect((await expectJson<Review>(await pm.get(`/api/v1/reviews/${review.id}`), 200)).myRole).toBeNull();
  const hidden = await expectError(await responder3.get(`/api/v1/reviews/${review.id}`), 404, "NOT_FOUND");
  const missing = await expectError(await responder3.get("/api/v1/reviews/no-such-review"), 404, "NOT_FOUND");
  expect(hidden.message).toBe(missing.message);
  await expectError(await move(responder3, review.id, "INDEPENDENT"), 404, "NOT_FOUND");
  await expectError(await invite(responder3, review.id, "responder3@example.com", "responder"), 404, "NOT_FOUND");
  await expectError(await responder3.delete(`/api/v1/reviews/${review.id}/participants/${review.participants[0]!.id}`), 404, "NOT_FOUND");
  await expectError(await responder3.get(`/api/v1/incidents/${incident.id}`), 404, "NOT_FOUND");
  await expectError(await responder3.post("/api/v1/reviews", { data: { incidentId: incident.id, title: "Sneaky", facilitatorEmail: "responder3@example.com" } }), 404, "NOT_FOUND");
  const searched = await expectJson<{ items: unknown[] }>(await responder3.get(`/api/v1/reviews?q=${encodeURIComponent(title)}`), 200);
  expect(searched.items).toEqual([]);
  const incidents = await expectJson<{ items: { id: string }[] }>(await responder3.get(`/api/v1/incidents?teamId=${payments.id}&limit=100`), 200);
  expect(incidents.items.map((i) => i.id)).not.toContain(incident.id);

  // Published to the organisation, it is everyone's to read.
  await expectJson(await invite(responder1, review.id, "pm@example.com", "responder"), 201);
  for (const phase of ["INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"]) {
    if (phase === "PUBLISHED") await meetPublishChecklist(review.id);
    await expectJson(await move(responder1, review.id, phase), 200);
  }
  const visible = await expectJson<Review>(await responder3.get(`/api/v1/reviews/${review.id}`), 200);
  expect(visible).toMatchObject({ id: review.id, phase: "PUBLISHED", myRole: null });
  await expectError(await move(responder3, review.id, "PUBLISHED"), 403, "FORBIDDEN");
});

test("lists are filtered and paginated with a cursor", async () => {
  const incident = await createIncident(facilitator, platform.id);
  const marker = unique("Paged");
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await createReview(facilitator, incident.id, "facilitator@example.com", { title: `${marker} #${n}` })).id);

  type Page = { items: { id: string; title: string; facilitator: { email: string } | null }[]; nextCursor: string | null };
  const first = await expectJson<Page>(await facilitator.get(`/api/v1/reviews?q=${encodeURIComponent(marker)}&limit=2`), 200);
  expect(first.items).toHaveLength(2);
  expect(first.nextCursor).toEqual(expect.any(String));
  const second = await expectJson<Page>(await facilitator.get(`/api/v1/reviews?q=${encodeURIComponent(marker)}&limit=2&cursor=${first.nextCursor}`), 200);
  expect(second.items).toHaveLength(1);
  expect(second.nextCursor).toBeNull();
  expect([...first.items, ...second.items].map((r) => r.id).sort()).toEqual([...ids].sort());
  expect(first.items[0]!.facilitator?.email).toBe("facilitator@example.com");

  // responder2 is in the owning team but takes part in none of them.
  const q = encodeURIComponent(marker);
  expect((await expectJson<Page>(await responder2.get(`/api/v1/reviews?q=${q}&filter=mine`), 200)).items).toEqual([]);
  expect((await expectJson<Page>(await responder2.get(`/api/v1/reviews?q=${q}&filter=teams`), 200)).items).toHaveLength(3);
  expect((await expectJson<Page>(await responder2.get(`/api/v1/reviews?q=${q}&phase=GROUP`), 200)).items).toEqual([]);

  const incidents = await expectJson<{ items: { id: string; reviewCount: number; team: { slug: string } }[] }>(
    await facilitator.get(`/api/v1/incidents?teamId=${platform.id}&limit=100`),
    200,
  );
  expect(incidents.items.find((i) => i.id === incident.id)).toMatchObject({ reviewCount: 3, team: { slug: "platform" } });
  expect(incidents.items.every((i) => i.team.slug === "platform")).toBe(true);
});
