/**
 * REST API v1: authentication (API tokens and sessions), token management, the cross-site
 * guard, /me and /teams, and the OpenAPI document checked against the running server.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  baseUrlOf,
  bearerClientFor,
  createIncident,
  createReview,
  createToken,
  expectError,
  expectJson,
  incidentBody,
  sameOrigin,
  sessionClient,
  teamBySlug,
  tokenClient,
  type Review,
} from "./support/api-client";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Record<string, string>> };
};
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: string[]; format?: string };
type Operation = {
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, unknown>;
  security?: unknown[];
};

let baseURL: string;
const clients: APIRequestContext[] = [];

test.beforeAll(async ({}, testInfo) => {
  baseURL = baseUrlOf(testInfo);
});

test.afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

async function track<T extends APIRequestContext>(client: Promise<T>): Promise<T> {
  const c = await client;
  clients.push(c);
  return c;
}

test("without authentication every documented operation answers 401 JSON, and the document itself is public", async ({ playwright }) => {
  const anonymous = await track(playwright.request.newContext({ baseURL }));
  const doc = await expectJson<Doc>(await anonymous.get("/api/v1/openapi.json"), 200);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
  expect(operations.length).toBeGreaterThanOrEqual(15);
  for (const { path, method } of operations) {
    if (path === "/api/v1/openapi.json") continue;
    const url = path.replace(/\{\w+\}/g, "some-id");
    const res = await anonymous.fetch(url, { method: method.toUpperCase(), data: method === "get" || method === "delete" ? undefined : {} });
    const error = await expectError(res, 401, "UNAUTHENTICATED");
    expect(error.message, `${method} ${path}`).toContain("Bearer");
  }
});

test("a bearer token acts as its user, with that user's permissions", async ({ playwright }) => {
  const responder3 = await track(bearerClientFor(playwright, baseURL, "responder3@example.com"));
  expect((await responder3.storageState()).cookies).toEqual([]);

  const me = await expectJson<{ email: string; role: string; teams: { slug: string; role: string }[] }>(await responder3.get("/api/v1/me"), 200);
  expect(me).toMatchObject({ email: "responder3@example.com", role: "MEMBER", teams: [{ slug: "search", role: "MEMBER" }] });

  const payments = await teamBySlug(responder3, "payments");
  const search = await teamBySlug(responder3, "search");
  const refused = await expectError(await responder3.post("/api/v1/incidents", { data: incidentBody(payments.id) }), 403, "FORBIDDEN");
  expect(refused.message).toContain("teams you belong to");

  const incident = await createIncident(responder3, search.id);
  const fetched = await expectJson<{ id: string; team: { slug: string }; createdBy: { email: string } }>(await responder3.get(`/api/v1/incidents/${incident.id}`), 200);
  expect(fetched).toMatchObject({ id: incident.id, team: { slug: "search" }, createdBy: { email: "responder3@example.com" } });
});

test("tokens: listed without their secret, refused once revoked, and never able to mint more", async ({ playwright }) => {
  const session = await track(sessionClient(playwright, baseURL, "observer@example.com"));
  const { id, token } = await createToken(session, baseURL, "CI script");
  expect(token).toMatch(/^dbf_[\w-]{40,}$/);

  const viaToken = await track(tokenClient(playwright, baseURL, token));
  expect((await expectJson<{ email: string }>(await viaToken.get("/api/v1/me"), 200)).email).toBe("observer@example.com");

  const listRes = await session.get("/api/v1/me/tokens");
  const listText = await listRes.text();
  expect(listRes.status()).toBe(200);
  expect(listText).not.toContain(token);
  expect(listText).not.toMatch(/tokenHash|"token"/);
  const listed = (JSON.parse(listText) as { id: string; name: string; prefix: string; lastUsedAt: string | null }[]).find((t) => t.id === id);
  expect(listed).toMatchObject({ name: "CI script", prefix: token.slice(0, 10) });
  expect(listed!.lastUsedAt).not.toBeNull();

  // A token cannot create tokens: a leaked one must not outlive its revocation through a new one.
  await expectError(await viaToken.post("/api/v1/me/tokens", { data: { name: "more" } }), 403, "FORBIDDEN");

  // Someone else cannot revoke it.
  const pm = await track(sessionClient(playwright, baseURL, "pm@example.com"));
  await expectError(await pm.delete(`/api/v1/me/tokens/${id}`, { headers: sameOrigin(baseURL) }), 404, "NOT_FOUND");
  await expectJson(await viaToken.get("/api/v1/me"), 200);

  const revoked = await session.delete(`/api/v1/me/tokens/${id}`, { headers: sameOrigin(baseURL) });
  expect(revoked.status()).toBe(204);
  expect(await revoked.text()).toBe("");
  await expectError(await viaToken.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  await expectError(await viaToken.get("/api/v1/reviews"), 401, "UNAUTHENTICATED");
  await expectError(await session.delete(`/api/v1/me/tokens/${id}`, { headers: sameOrigin(baseURL) }), 404, "NOT_FOUND");
  const after = await expectJson<{ id: string }[]>(await session.get("/api/v1/me/tokens"), 200);
  expect(after.map((t) => t.id)).not.toContain(id);
});

test("malformed and unknown credentials get 401, never a session fallback", async ({ playwright }) => {
  const session = await track(sessionClient(playwright, baseURL, "responder1@example.com"));
  for (const authorization of ["Basic cmVzcG9uZGVyMTpkZW1v", "Bearer", "Bearer not-a-debrief-token", "Bearer dbf_doesnotexist0000000000000000000000000000000"]) {
    // The session cookie is sent too: a bad Authorization header must not fall back to it.
    const res = await session.get("/api/v1/me", { headers: { authorization } });
    await expectError(res, 401, "UNAUTHENTICATED");
  }
});

test("cookie-authenticated writes must come from the same origin", async ({ playwright }) => {
  const session = await track(sessionClient(playwright, baseURL, "responder1@example.com"));
  const payments = await teamBySlug(session, "payments");
  const title = `Cross-site ${Date.now()}`;

  const evil = await session.post("/api/v1/incidents", { data: incidentBody(payments.id, title), headers: { origin: "http://evil.example" } });
  expect((await expectError(evil, 403, "FORBIDDEN")).message).toContain("Cross-site");
  const crossSite = await session.post("/api/v1/incidents", { data: incidentBody(payments.id, title), headers: { "sec-fetch-site": "cross-site" } });
  await expectError(crossSite, 403, "FORBIDDEN");
  await expectError(await session.post("/api/v1/incidents", { data: incidentBody(payments.id, title) }), 403, "FORBIDDEN");
  const listed = await expectJson<{ items: { title: string }[] }>(await session.get(`/api/v1/incidents?teamId=${payments.id}&limit=100`), 200);
  expect(listed.items.map((i) => i.title)).not.toContain(title);

  // Reads are fine from anywhere (the browser will not show another site the answer).
  await expectJson(await session.get("/api/v1/me", { headers: { origin: "http://evil.example" } }), 200);
  const created = await session.post("/api/v1/incidents", { data: incidentBody(payments.id, title), headers: sameOrigin(baseURL) });
  expect((await expectJson<{ title: string }>(created, 201)).title).toBe(title);
});

test("/me and /teams describe the caller and the organisation, without secrets", async ({ playwright }) => {
  const pm = await track(sessionClient(playwright, baseURL, "pm@example.com"));
  const meText = await (await pm.get("/api/v1/me")).text();
  expect(meText).not.toMatch(/password|hash/i);
  expect(JSON.parse(meText)).toEqual({
    id: expect.any(String),
    email: "pm@example.com",
    name: "Priya PM",
    role: "MEMBER",
    teams: [{ id: expect.any(String), name: "Payments", slug: "payments", role: "PRODUCT_MANAGER" }],
  });
  const teams = await expectJson<{ id: string; name: string; slug: string; myRole: string | null }[]>(await pm.get("/api/v1/teams"), 200);
  for (const slug of ["payments", "platform", "search"]) expect(teams.map((t) => t.slug)).toContain(slug);
  expect(teams.find((t) => t.slug === "payments")).toMatchObject({ id: expect.any(String), name: "Payments", myRole: "PRODUCT_MANAGER" });
  expect(teams.find((t) => t.slug === "search")?.myRole).toBeNull();
});

test("openapi.json is an OpenAPI 3.1 document generated from the schemas the server enforces", async ({ playwright }) => {
  const anonymous = await track(playwright.request.newContext({ baseURL }));
  const doc = await expectJson<Doc>(await anonymous.get("/api/v1/openapi.json"), 200);
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie" });

  const expected: Record<string, string[]> = {
    "/api/v1/incidents": ["get", "post"],
    "/api/v1/incidents/{id}": ["get"],
    "/api/v1/reviews": ["get", "post"],
    "/api/v1/reviews/{id}": ["get"],
    "/api/v1/reviews/{id}/participants": ["post"],
    "/api/v1/reviews/{id}/participants/{participantId}": ["delete"],
    "/api/v1/reviews/{id}/phase": ["post"],
    "/api/v1/teams": ["get"],
    "/api/v1/me": ["get"],
    "/api/v1/me/tokens": ["get", "post"],
    "/api/v1/me/tokens/{id}": ["delete"],
    "/api/v1/openapi.json": ["get"],
  };
  for (const [path, methods] of Object.entries(expected)) expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual(methods);
  expect(doc.paths["/api/v1/openapi.json"]!.get!.security).toEqual([]);
  expect(doc.paths["/api/v1/me/tokens"]!.post!.security).toEqual([{ cookieAuth: [] }]);

  const body = (path: string) => doc.paths[path]!.post!.requestBody!.content["application/json"].schema;
  const review = body("/api/v1/reviews");
  expect(review.required).toEqual(expect.arrayContaining(["incidentId", "title", "facilitatorEmail"]));
  expect(review.required).not.toContain("visibility");
  expect(review.properties!.visibility!.enum).toEqual(["PARTICIPANTS", "TEAM", "ORGANISATION"]);
  expect(review.properties!.facilitatorEmail!.format).toBe("email");
  const incident = body("/api/v1/incidents");
  expect(incident.required).toEqual(expect.arrayContaining(["title", "severity", "startedAt", "detectedAt", "teamId"]));
  for (const date of ["startedAt", "detectedAt", "resolvedAt"]) expect(incident.properties![date]).toMatchObject({ type: "string", format: "date-time" });
  expect(incident.properties!.severity!.enum).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
  expect(body("/api/v1/reviews/{id}/participants").properties!.role!.enum).toEqual(["responder", "observer"]);
  expect(body("/api/v1/reviews/{id}/phase").properties!.to!.enum).toEqual(["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"]);
  expect(body("/api/v1/me/tokens").required).toEqual(["name"]);

  const listParams = doc.paths["/api/v1/reviews"]!.get!.parameters!;
  expect(listParams.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["query:cursor", "query:filter", "query:limit", "query:phase", "query:q", "query:severity", "query:teamId"]);
  expect(doc.paths["/api/v1/reviews/{id}/phase"]!.post!.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
  expect(Object.keys(doc.paths["/api/v1/reviews/{id}/phase"]!.post!.responses).sort()).toEqual(["200", "400", "401", "403", "404", "409"]);

  // What the document promises for a review is what the server sends.
  const facilitator = await track(bearerClientFor(playwright, baseURL, "facilitator@example.com"));
  const platform = await teamBySlug(facilitator, "platform");
  const platformIncident = await createIncident(facilitator, platform.id);
  const incidentSent = await expectJson<Record<string, unknown>>(await facilitator.get(`/api/v1/incidents/${platformIncident.id}`), 200);
  expect(Object.keys(incidentSent).sort()).toEqual(Object.keys(doc.components.schemas.Incident!.properties!).sort()); // no internal columns
  const created = await createReview(facilitator, platformIncident.id, "facilitator@example.com");
  const sent = await expectJson<Review & Record<string, unknown>>(await facilitator.get(`/api/v1/reviews/${created.id}`), 200);
  const reviewSchema = doc.components.schemas.Review!;
  expect(Object.keys(sent).sort()).toEqual(Object.keys(reviewSchema.properties!).sort());
  expect(Object.keys(sent).sort()).toEqual([...reviewSchema.required!].sort());
  expect(sent.createdAt).toEqual(new Date(sent.createdAt as string).toISOString());
});
