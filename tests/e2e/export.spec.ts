/**
 * The organisation export and import over REST against the real server: admins stream the whole
 * organisation as JSON (without secrets); import into this (non-empty) install is refused with a
 * 409 naming what it holds; bad files are refused with a clear 400; others get 403.
 */
import { expect, test } from "@playwright/test";
import { baseUrlOf, bearerClientFor, expectError } from "./support/api-client";

type Export = { format: string; version: number; exportedAt: string; migration: string; tables: Record<string, Record<string, unknown>[]> };

test("admins export the organisation; import refuses a non-empty install and bad files; others are refused", async ({ playwright }, testInfo) => {
  const base = baseUrlOf(testInfo);
  const [admin, member] = await Promise.all([bearerClientFor(playwright, base, "admin@example.com"), bearerClientFor(playwright, base, "pm@example.com")]);

  const res = await admin.get("/api/v1/export");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="debrief-export-[\d-]+\.json"$/);
  const text = await res.text();
  const file = JSON.parse(text) as Export;
  expect(file).toMatchObject({ format: "debrief-organisation-export", version: 1 });
  expect(file.migration).toMatch(/^\d{14}_/);
  expect(file.tables.User!.map((u) => u.email)).toContain("admin@example.com");
  expect(file.tables.Review!.length).toBeGreaterThan(10);
  for (const secret of ["ApiToken", "Session", "OutboundEmail", "FeedToken", "BacklogConnection"]) expect(file.tables[secret], secret).toBeUndefined();
  expect(text).not.toMatch(/"tokenHash"/);
  expect(file.tables.User!.find((u) => u.email === "admin@example.com")!.passwordHash).toMatch(/^\$argon2/);

  const refused = await expectError(await admin.post("/api/v1/import", { data: file }), 409, "CONFLICT");
  expect(refused.message).toMatch(/This install is not empty \(it holds \d+ teams, \d+ incidents, \d+ reviews/);

  const bad = await expectError(await admin.post("/api/v1/import", { data: { format: "something-else", tables: {} } }), 400, "VALIDATION_FAILED");
  expect(bad.message).toContain("This is not a Debrief organisation export");
  await expectError(await admin.post("/api/v1/import", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } }), 400, "BAD_REQUEST");

  await expectError(await member.get("/api/v1/export"), 403, "FORBIDDEN");
  await expectError(await member.post("/api/v1/import", { data: file }), 403, "FORBIDDEN");

  // Both are in the OpenAPI document.
  const doc = (await (await admin.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
  expect(doc.paths["/api/v1/export"]!.get!.operationId).toBe("exportOrganisation");
  expect(doc.paths["/api/v1/import"]!.post!.operationId).toBe("importOrganisation");
  expect(doc.paths["/api/v1/metrics/lead-time"]!.get!.operationId).toBe("getLeadTimeMetric");
  expect(doc.paths["/api/v1/me/subscriptions"]!.delete!.operationId).toBe("unfollowSubscription");
  await Promise.all([admin.dispose(), member.dispose()]);
});
