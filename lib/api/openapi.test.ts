import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, jsonSchema } from "./openapi";
import { apiCreateIncidentSchema, operations, type Operation } from "./operations";
import { apiConfigureAccountsSchema, apiSaveAccountSchema, apiTimelineEntrySchema } from "./operations/accounts";

const root = path.resolve(import.meta.dirname, "../..");
const all = Object.entries(operations) as [string, Operation][];

/** `/api/v1/reviews/{id}/phase` → `app/api/v1/reviews/[id]/phase/route.ts` */
const routeFile = (p: string) => path.join(root, "app", p.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

describe("REST API operations", () => {
  it("each is served by the route file for its path, built from that very operation", () => {
    for (const [name, op] of all) {
      const source = readFileSync(routeFile(op.path), "utf8");
      expect(source, `${op.method} ${op.path}`).toMatch(new RegExp(`export const ${op.method} = operationRoute\\(operations\\.${name}\\b`));
    }
  });

  it("declare exactly the path parameters their path has", () => {
    for (const [, op] of all) {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = Object.keys(op.params ? (jsonSchema(op.params).properties ?? {}) : {}).sort();
      expect(declared, op.path).toEqual(inPath);
    }
  });

  it("have unique operation ids, equal to their names", () => {
    for (const [name, op] of all) expect(op.operationId).toBe(name);
  });
});

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is OpenAPI 3.1 with every operation, and only refs that resolve", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [, op] of all) expect(doc.paths[op.path]?.[op.method.toLowerCase()], `${op.method} ${op.path}`).toBeDefined();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, name] of refs) {
      expect((doc.components as Record<string, Record<string, unknown>>)[kind!]?.[name!], `${kind}/${name}`).toBeDefined();
    }
  });

  it("describes request bodies as clients send them", () => {
    const body = (p: string) =>
      (doc.paths[p]?.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { format?: string }>; required: string[] } } } } })
        .requestBody.content["application/json"].schema;
    expect(body("/api/v1/reviews").required).toEqual(["incidentId", "title", "facilitatorEmail"]);
    expect(body("/api/v1/incidents").properties.startedAt!.format).toBe("date-time");
    expect(body("/api/v1/reviews/{id}/participants").required).toEqual(["email", "role"]);
  });

  it("never documents a secret in a listing", () => {
    const listed = JSON.stringify(doc.components.schemas.ApiTokenList);
    expect(listed).not.toMatch(/token"|tokenHash|passwordHash/);
    expect(JSON.stringify(doc.components.schemas.Me)).not.toMatch(/password/i);
  });
});

describe("the OpenAPI document of independent accounts", () => {
  const doc = buildOpenApiDocument();
  type Op = {
    requestBody?: { content: { "application/json": { schema: { properties: Record<string, Record<string, unknown>>; required?: string[] } } } };
    responses: Record<string, { $ref?: string; description?: string; content?: { "application/json": { schema: { $ref?: string } } } }>;
    tags: string[];
  };
  const op = (p: string, method: string) => (doc.paths as Record<string, Record<string, Op>>)[p]?.[method] as Op;
  const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
  const accounts = "/api/v1/reviews/{id}/accounts";

  it("has every account and notification operation, with its success status", () => {
    const expected: [string, string, string][] = [
      [`${accounts}/me`, "get", "200"],
      [`${accounts}/me`, "put", "200"],
      [`${accounts}/me/submit`, "post", "200"],
      [`${accounts}/me/reopen`, "post", "200"],
      [accounts, "get", "200"],
      [`${accounts}/status`, "get", "200"],
      [`${accounts}/me/timeline`, "get", "200"],
      [`${accounts}/me/timeline`, "post", "201"],
      [`${accounts}/me/timeline/{entryId}`, "put", "200"],
      [`${accounts}/me/timeline/{entryId}`, "delete", "204"],
      [`${accounts}/me/late-additions`, "post", "201"],
      [`${accounts}/reminders`, "post", "200"],
      ["/api/v1/reviews/{id}/account-settings", "patch", "200"],
      ["/api/v1/me/notifications", "get", "200"],
      ["/api/v1/me/notifications/read", "post", "204"],
    ];
    for (const [p, method, status] of expected) {
      const o = op(p, method);
      expect(o, `${method} ${p}`).toBeDefined();
      expect(Object.keys(o.responses).filter((s) => s.startsWith("2")), `${method} ${p}`).toEqual([status]);
    }
    expect(op(`${accounts}/me`, "get").tags).toEqual(["Accounts"]);
    expect(doc.tags.map((t) => t.name)).toContain("Accounts");
  });

  it("documents the save's body and its 409 with the stored version", () => {
    const save = op(`${accounts}/me`, "put");
    const body = save.requestBody!.content["application/json"].schema;
    expect(body.required).toEqual(["content", "baseVersion"]);
    expect(body.properties.content!.$ref).toBe("#/components/schemas/TiptapDoc");
    expect(body.properties.content!.description).toContain("200 KB");
    expect(body.properties.baseVersion).toMatchObject({ type: "integer", minimum: 0 });
    expect(save.responses["200"]!.content!["application/json"].schema.$ref).toBe("#/components/schemas/SavedAccount");

    const conflict = save.responses["409"]!;
    expect(conflict.description).toContain("error.details.current");
    expect(conflict.content!["application/json"].schema.$ref).toBe("#/components/schemas/StaleAccountError");
    const stale = JSON.stringify(schemas.StaleAccountError);
    for (const field of ['"details"', '"current"', '"version"', '"savedAt"', "TiptapDoc"]) expect(stale).toContain(field);
    // Other operations keep the shared 409.
    expect(op(`${accounts}/me/submit`, "post").responses["409"]).toEqual({ $ref: "#/components/responses/Conflict" });
    expect(JSON.stringify(schemas.Error)).toContain('"details"');
  });

  it("describes Tiptap documents once, and uses them wherever content goes", () => {
    expect(schemas.TiptapNode).toMatchObject({ type: "object", required: ["type"] });
    expect(JSON.stringify(schemas.TiptapNode)).toContain('"bulletList"');
    expect(JSON.stringify(schemas.TiptapNode)).not.toContain('"script"');
    for (const name of ["MyAccount", "AccountList", "LateAddition"]) expect(JSON.stringify(schemas[name]), name).toContain("#/components/schemas/TiptapDoc");
    expect(op(`${accounts}/me/late-additions`, "post").requestBody!.content["application/json"].schema.properties.content!.$ref).toBe("#/components/schemas/TiptapDoc");
  });

  it("never puts content in the status board, and no e-mail in the list of accounts", () => {
    const board = JSON.stringify(schemas.AccountStatusBoard);
    for (const leak of ['"content"', '"text"', '"timeline"', '"lateAdditions"', "Tiptap"]) expect(board).not.toContain(leak);
    expect(op(`${accounts}/status`, "get").responses["200"]!.content!["application/json"].schema.$ref).toBe("#/components/schemas/AccountStatusBoard");
    const author = (schemas.AccountList as { properties: { accounts: { items: { properties: { author: { properties: Record<string, unknown> } } } } } }).properties.accounts.items.properties.author;
    expect(Object.keys(author.properties).sort()).toEqual(["id", "label", "name"]);
    expect(JSON.stringify(schemas.AccountList)).not.toMatch(/email/i);
    expect(JSON.stringify(schemas.NotificationList)).not.toMatch(/"content"/);
  });

  it("describes timeline entries and settings as clients send them", () => {
    const entry = op(`${accounts}/me/timeline`, "post").requestBody!.content["application/json"].schema;
    expect(entry.required).toEqual(["occurredAt", "description", "kind"]);
    expect(entry.properties.occurredAt).toMatchObject({ type: "string", format: "date-time" });
    expect(entry.properties.kind!.enum).toEqual(["OBSERVATION", "ACTION", "DECISION", "COMMUNICATION", "ALERT"]);
    expect(op(`${accounts}/me/timeline`, "post").responses["201"]!.content!["application/json"].schema.$ref).toBe("#/components/schemas/TimelineEntry");
    const settings = op("/api/v1/reviews/{id}/account-settings", "patch").requestBody!.content["application/json"].schema;
    expect(settings.required ?? []).toEqual([]);
    expect(JSON.stringify(settings.properties.deadline)).toContain('"date-time"');
    expect(Object.keys(settings.properties).sort()).toEqual(["anonymise", "deadline", "prompts"]);
  });
});

describe("the accounts' API request schemas", () => {
  const now = Date.now();
  const entry = { occurredAt: new Date(now - 3_600_000).toISOString(), description: "Paged", kind: "ALERT" };
  const fieldsOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("take timeline times with a zone, not in the future, and only web links as evidence", () => {
    expect(apiTimelineEntrySchema.parse({ ...entry, occurredAt: "2025-03-01T15:30:00+01:00" }).occurredAt).toEqual(new Date("2025-03-01T14:30:00Z"));
    expect(fieldsOf(apiTimelineEntrySchema.safeParse({ ...entry, occurredAt: new Date(now + 7 * 86_400_000).toISOString() }))).toEqual({
      occurredAt: "That time is in the future. Check the date.",
    });
    expect(fieldsOf(apiTimelineEntrySchema.safeParse({ ...entry, occurredAt: "2025-03-01T15:30:00" })).occurredAt).toContain("time zone");
    expect(fieldsOf(apiTimelineEntrySchema.safeParse({ ...entry, evidenceUrl: "javascript:alert(1)" })).evidenceUrl).toContain("http");
    expect(apiTimelineEntrySchema.parse(entry).timezone).toBe("UTC");
  });

  it("keep the editor's rules for documents", () => {
    const ok = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>" }] }] };
    expect(apiSaveAccountSchema.parse({ content: ok, baseVersion: 0 }).content).toEqual(ok);
    const big = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(210 * 1024) }] }] };
    expect(fieldsOf(apiSaveAccountSchema.safeParse({ content: big, baseVersion: 0 })).content).toMatch(/limit is 200 KB/);
    const link = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
    expect(apiSaveAccountSchema.safeParse({ content: link, baseVersion: 0 }).success).toBe(false);
    expect(apiSaveAccountSchema.safeParse({ content: { type: "doc", content: [{ type: "iframe" }] }, baseVersion: 0 }).success).toBe(false);
    expect(Object.keys(fieldsOf(apiSaveAccountSchema.safeParse({ content: ok })))).toEqual(["baseVersion"]);
  });

  it("take the deadline as an ISO 8601 date-time with a zone, or null", () => {
    expect(apiConfigureAccountsSchema.parse({ deadline: "2030-01-01T09:00:00-05:00" }).deadline).toEqual(new Date("2030-01-01T14:00:00Z"));
    expect(apiConfigureAccountsSchema.parse({ deadline: null }).deadline).toBeNull();
    expect(fieldsOf(apiConfigureAccountsSchema.safeParse({ deadline: "next friday" })).deadline).toContain("ISO 8601");
  });
});

describe("apiCreateIncidentSchema", () => {
  const valid = { title: "Checkout down", severity: "SEV2", teamId: "t1", startedAt: "2025-03-01T10:00:00Z", detectedAt: "2025-03-01T11:00:00+01:00" };

  it("takes ISO 8601 date-times with a time zone", () => {
    const parsed = apiCreateIncidentSchema.parse(valid);
    expect(parsed.startedAt).toEqual(new Date("2025-03-01T10:00:00Z"));
    expect(parsed.detectedAt).toEqual(new Date("2025-03-01T10:00:00Z"));
  });

  it("names each bad date", () => {
    for (const bad of ["yesterday", "2025-03-01", "2025-03-01T10:00:00", 1740823200000, null]) {
      const result = apiCreateIncidentSchema.safeParse({ ...valid, startedAt: bad, resolvedAt: bad });
      expect(result.success, String(bad)).toBe(false);
      const paths = result.error!.issues.map((i) => i.path.join("."));
      expect(paths, String(bad)).toEqual(expect.arrayContaining(["startedAt", "resolvedAt"]));
      expect(result.error!.issues[0]!.message).toContain("ISO 8601");
    }
  });

  it("keeps the use case's cross-field checks", () => {
    const result = apiCreateIncidentSchema.safeParse({ ...valid, detectedAt: "2025-03-01T09:00:00Z" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["detectedAt"]);
  });
});
