/**
 * REST API v1 bad input: invalid JSON, invalid fields, queries and ids — always a 4xx JSON
 * error naming what is wrong, never a 500.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  baseUrlOf,
  bearerClientFor,
  createIncident,
  createReview,
  expectError,
  incidentBody,
  sameOrigin,
  sessionClient,
  teamBySlug,
  type Team,
} from "./support/api-client";

let baseURL: string;
let facilitator: APIRequestContext;
let platform: Team;

test.beforeAll(async ({ playwright }, testInfo) => {
  baseURL = baseUrlOf(testInfo);
  facilitator = await bearerClientFor(playwright, baseURL, "facilitator@example.com");
  platform = await teamBySlug(facilitator, "platform");
});

test.afterAll(async () => {
  await facilitator?.dispose();
});

const json = { "content-type": "application/json" };

test("a body that is not JSON is a 400 BAD_REQUEST", async () => {
  const review = await createReview(facilitator, (await createIncident(facilitator, platform.id)).id, "facilitator@example.com");
  for (const path of ["/api/v1/incidents", "/api/v1/reviews", `/api/v1/reviews/${review.id}/phase`, `/api/v1/reviews/${review.id}/participants`]) {
    // A Buffer, so Playwright sends the bytes as they are (it would JSON-encode a string that does not parse).
    const error = await expectError(await facilitator.post(path, { data: Buffer.from('{"title": "unterminated'), headers: json }), 400, "BAD_REQUEST");
    expect(error.message, path).toContain("JSON");
  }
});

test("invalid review fields are named in a 400 VALIDATION_FAILED", async () => {
  const empty = await expectError(await facilitator.post("/api/v1/reviews", { data: {} }), 400, "VALIDATION_FAILED");
  expect(Object.keys(empty.fields ?? {}).sort()).toEqual(["facilitatorEmail", "incidentId", "title"]);

  const incident = await createIncident(facilitator, platform.id);
  const bad = await expectError(
    await facilitator.post("/api/v1/reviews", { data: { incidentId: incident.id, title: "ok title", facilitatorEmail: "not-an-email", visibility: "EVERYONE" } }),
    400,
    "VALIDATION_FAILED",
  );
  expect(bad.fields?.facilitatorEmail?.[0]).toContain("e-mail");
  expect(bad.fields?.visibility).toHaveLength(1);
  expect(bad.fields?.title).toBeUndefined();

  const stranger = await expectError(
    await facilitator.post("/api/v1/reviews", { data: { incidentId: incident.id, title: "ok title", facilitatorEmail: "nobody@example.com" } }),
    400,
    "VALIDATION_FAILED",
  );
  expect(stranger.fields?.facilitatorEmail).toBeDefined();
  await expectError(
    await facilitator.post("/api/v1/reviews", { data: { incidentId: "no-such-incident", title: "ok title", facilitatorEmail: "facilitator@example.com" } }),
    404,
    "NOT_FOUND",
  );
  for (const body of ["null", "[]", '"a string"']) {
    await expectError(await facilitator.post("/api/v1/reviews", { data: body, headers: json }), 400, "VALIDATION_FAILED");
  }
});

test("incident dates must be ISO 8601 date-times, in a sensible order", async () => {
  const valid = incidentBody(platform.id);
  const cases: [Record<string, unknown>, string][] = [
    [{ startedAt: "yesterday" }, "startedAt"],
    [{ startedAt: "2025-03-01" }, "startedAt"],
    [{ detectedAt: "2025-03-01T10:00:00" }, "detectedAt"], // no time zone: ambiguous
    [{ resolvedAt: 1740823200000 }, "resolvedAt"],
    [{ startedAt: null }, "startedAt"],
    [{ detectedAt: "2000-01-01T00:00:00Z" }, "detectedAt"], // before the start
    [{ resolvedAt: "2000-01-01T00:00:00+02:00" }, "resolvedAt"],
    [{ severity: "SEV9" }, "severity"],
    [{ externalUrl: "javascript:alert(1)" }, "externalUrl"],
    [{ services: "checkout" }, "services"],
  ];
  for (const [change, field] of cases) {
    const res = await facilitator.post("/api/v1/incidents", { data: { ...valid, ...change } });
    const error = await expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}), JSON.stringify(change)).toEqual([field]);
  }
  const missing = await expectError(await facilitator.post("/api/v1/incidents", { data: { ...valid, startedAt: "tomorrow" } }), 400, "VALIDATION_FAILED");
  expect(missing.fields?.startedAt?.[0]).toContain("ISO 8601");
  const unknownTeam = await expectError(await facilitator.post("/api/v1/incidents", { data: { ...valid, teamId: "no-such-team" } }), 400, "VALIDATION_FAILED");
  expect(unknownTeam.fields?.teamId).toBeDefined();

  const withOffset = await facilitator.post("/api/v1/incidents", {
    data: { ...valid, startedAt: "2025-03-01T10:00:00+01:00", detectedAt: "2025-03-01T09:30:00Z", resolvedAt: undefined },
  });
  expect(withOffset.status(), await withOffset.text()).toBe(201);
  expect(await withOffset.json()).toMatchObject({ startedAt: "2025-03-01T09:00:00.000Z", detectedAt: "2025-03-01T09:30:00.000Z", resolvedAt: null });
});

test("participants, phase moves and tokens validate their bodies", async ({ playwright }) => {
  const review = await createReview(facilitator, (await createIncident(facilitator, platform.id)).id, "facilitator@example.com");
  const role = await expectError(
    await facilitator.post(`/api/v1/reviews/${review.id}/participants`, { data: { email: "responder2@example.com", role: "boss" } }),
    400,
    "VALIDATION_FAILED",
  );
  expect(role.fields?.role?.[0]).toContain("responder or observer");
  const unknown = await expectError(
    await facilitator.post(`/api/v1/reviews/${review.id}/participants`, { data: { email: "nobody@example.com", role: "responder" } }),
    400,
    "VALIDATION_FAILED",
  );
  expect(unknown.fields?.email).toBeDefined();
  const phase = await expectError(await facilitator.post(`/api/v1/reviews/${review.id}/phase`, { data: { to: "DONE" } }), 400, "VALIDATION_FAILED");
  expect(phase.fields?.to?.[0]).toContain("PREPARING");
  await expectError(await facilitator.post("/api/v1/reviews/no-such-review/phase", { data: { to: "INDEPENDENT" } }), 404, "NOT_FOUND");

  const session = await sessionClient(playwright, baseURL, "responder2@example.com");
  try {
    const name = await expectError(await session.post("/api/v1/me/tokens", { data: { name: "  " }, headers: sameOrigin(baseURL) }), 400, "VALIDATION_FAILED");
    expect(name.fields?.name).toBeDefined();
    const days = await expectError(
      await session.post("/api/v1/me/tokens", { data: { name: "ok", expiresInDays: 0 }, headers: sameOrigin(baseURL) }),
      400,
      "VALIDATION_FAILED",
    );
    expect(days.fields?.expiresInDays).toBeDefined();
  } finally {
    await session.dispose();
  }
});

test("bad queries and unknown ids are 400 and 404, never 500", async () => {
  const cases: [string, string][] = [
    ["/api/v1/reviews?limit=0", "limit"],
    ["/api/v1/reviews?limit=abc", "limit"],
    ["/api/v1/reviews?phase=DONE", "phase"],
    ["/api/v1/reviews?filter=everything", "filter"],
    ["/api/v1/reviews?cursor=not-a-cursor", "cursor"],
    ["/api/v1/incidents?limit=101", "limit"],
    ["/api/v1/incidents?cursor=%00%00", "cursor"],
  ];
  for (const [url, field] of cases) {
    const error = await expectError(await facilitator.get(url), 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}), url).toEqual([field]);
  }
  for (const url of ["/api/v1/reviews/no-such-review", "/api/v1/incidents/no-such-incident", `/api/v1/incidents/${"x".repeat(300)}`]) {
    await expectError(await facilitator.get(url), 404, "NOT_FOUND");
  }
  await expectError(await facilitator.delete("/api/v1/reviews/no-such-review/participants/no-such-participant"), 404, "NOT_FOUND");
  await expectError(await facilitator.delete("/api/v1/me/tokens/no-such-token"), 404, "NOT_FOUND");
});
