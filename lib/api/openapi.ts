/**
 * The OpenAPI 3.1 document of REST API v1, generated from the operations the route handlers
 * are built from (operations.ts) and their zod schemas — request schemas as the client sends
 * them (zod's "input" side: before transforms and defaults), responses as they go on the wire.
 */
import { z } from "zod";
import { HTTP_STATUS } from "../errors";
import { operations, type Operation } from "./operations";
import { errorResponseSchema, RESPONSE_SCHEMA_NAMES } from "./responses";
import { TIPTAP_JSON_SCHEMAS } from "./wire";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

export const OPENAPI_PATH = "/api/v1/openapi.json";

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of what is on the wire. */
export function jsonSchema(schema: z.ZodType): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io: "input",
    override: ({ jsonSchema: s }) => {
      // zod adds its validation regex beside formats such as date-time and email; the format says it.
      if (s.format && s.pattern) delete s.pattern;
    },
  }) as JsonSchema;
  delete generated.$schema;
  return generated;
}

const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "The request is not valid: BAD_REQUEST (the body is not JSON) or VALIDATION_FAILED (see `fields`)." },
  401: { name: "Unauthenticated", description: "No valid API token or session: UNAUTHENTICATED." },
  403: { name: "Forbidden", description: "FORBIDDEN: you may not do this, or a cross-site request came with a session cookie." },
  404: { name: "NotFound", description: "NOT_FOUND: it does not exist, or you may not see it (the two are not told apart)." },
  409: { name: "Conflict", description: "CONFLICT: the request clashes with the current state, e.g. a phase move out of order." },
};

function errorStatuses(op: Operation): number[] {
  const statuses = new Set<number>([401]);
  if (op.params || op.query || op.body) statuses.add(400);
  // Writes with a session cookie from another site are refused.
  if (op.method !== "GET") statuses.add(403);
  for (const code of op.errors) statuses.add(HTTP_STATUS[code]);
  return [...statuses].sort((a, b) => a - b);
}

function schemaOrRef(schema: z.ZodType): JsonSchema {
  const name = RESPONSE_SCHEMA_NAMES.get(schema);
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchema(schema);
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === "path" || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operationObject(op: Operation) {
  const success = op.response
    ? { description: op.responseDescription, content: { "application/json": { schema: schemaOrRef(op.response) } } }
    : { description: op.responseDescription };
  const responses: Record<string, unknown> = { [String(op.status)]: success };
  for (const status of errorStatuses(op)) {
    const special = op.errorResponses?.[status as keyof NonNullable<Operation["errorResponses"]>];
    responses[String(status)] = special
      ? { description: special.description, content: { "application/json": { schema: schemaOrRef(special.schema ?? errorResponseSchema) } } }
      : { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  }
  const params = [...parameters(op.params, "path"), ...parameters(op.query, "query")];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(op.auth === "session" ? { security: [{ cookieAuth: [] }] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    responses,
  };
}

/** Builds the document; cheap, but callers may keep the result (it never changes at run time). */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {
    [OPENAPI_PATH]: {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tags: ["Meta"],
        security: [],
        responses: { "200": { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": {} } } },
      },
    },
  };
  for (const op of Object.values(operations) as Operation[]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  }
  const schemas: Record<string, JsonSchema> = { ...(TIPTAP_JSON_SCHEMAS as Record<string, JsonSchema>) };
  for (const [schema, name] of RESPONSE_SCHEMA_NAMES) schemas[name] = jsonSchema(schema);
  const errorResponses: Record<string, unknown> = {};
  for (const { name, description } of Object.values(ERROR_RESPONSES)) {
    errorResponses[name] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Debrief REST API",
      version: "1.0.0",
      description:
        "Post-incident reviews: incidents, reviews and their participants and phases, responders' independent accounts, teams.\n\n" +
        "Authenticate with a personal API token (`Authorization: Bearer dbf_…`; create one with `POST /api/v1/me/tokens` while signed in) " +
        "or, from the browser, the session cookie — writes with the cookie must come from the same origin. " +
        "Errors are `{ error: { code, message, fields?, details? } }`; ids you may not see answer 404 exactly like ids that do not exist.",
    },
    tags: [
      { name: "Incidents" },
      { name: "Reviews", description: "A review moves PREPARING → INDEPENDENT → GROUP → ACTION_PLANNING → PUBLISHED." },
      {
        name: "Accounts",
        description:
          "Each responder writes their own account during INDEPENDENT. Before the reveal (the move to GROUP) an account is readable by its author alone — " +
          "not other responders, the facilitator, observers or admins; the facilitator sees a status board without content. After the reveal every participant reads all accounts.",
      },
      { name: "Teams" },
      {
        name: "Library",
        description: "Published reviews: full-text search, related reviews, reports and their Markdown / PDF downloads, and publishing. Search finds only what you may read, and never account content.",
      },
      {
        name: "Insights",
        description: "The metrics behind the Insights dashboard, as JSON or CSV: readers of reviews, action lead time and frequency, open and overdue actions, time to publish, findings by category, participation. Every figure counts only what you may see.",
      },
      { name: "Organisation", description: "The whole organisation as one JSON export, and its import into an empty install: backups, restores and moves. Admins only." },
      { name: "Me", description: "You, your API tokens, your notifications and what you follow." },
      { name: "Meta" },
    ],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    paths,
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "dbf_…", description: "A personal API token." },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The web app's session (`__Secure-authjs.session-token` over HTTPS). Writes must be same-origin.",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
