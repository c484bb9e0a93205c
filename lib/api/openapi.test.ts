import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, jsonSchema } from "./openapi";
import { apiCreateIncidentSchema, operations, type Operation } from "./operations";

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
