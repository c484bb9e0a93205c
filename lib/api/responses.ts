/**
 * What the REST API returns. Each response is encoded through one of these schemas, so a
 * field not listed here (a password or token hash, an internal column) never leaves the server,
 * dates go out as ISO 8601 strings, and the OpenAPI document describes exactly what is sent.
 * The use cases' return types are checked against them at compile time (see operation-route.ts).
 */
import { z } from "zod";
import { ERROR_CODES } from "../errors";
import { SEVERITIES } from "../incidents/create-incident";
import { VISIBILITIES } from "../reviews/create-review";
import { PHASES } from "../reviews/lifecycle";
import { ACCOUNT_RESPONSE_SCHEMA_NAMES } from "./responses/accounts";
import { BACKLOG_RESPONSE_SCHEMA_NAMES } from "./responses/backlog";
import { ACTION_RESPONSE_SCHEMA_NAMES } from "./responses/action-items";
import { LIBRARY_RESPONSE_SCHEMA_NAMES } from "./responses/library";
import { INSIGHT_RESPONSE_SCHEMA_NAMES } from "./responses/insights";
import { SESSION_RESPONSE_SCHEMA_NAMES } from "./responses/session";
import { dateTime } from "./wire";

const severity = z.enum(SEVERITIES);
const phase = z.enum(PHASES);
const visibility = z.enum(VISIBILITIES);
const participantRole = z.enum(["FACILITATOR", "RESPONDER", "OBSERVER"]);
const teamRole = z.enum(["MEMBER", "PRODUCT_MANAGER"]);

const teamRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });
const userRef = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });

/** A page of a keyset-paginated list. */
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
  });

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("A sentence for people; do not parse it."),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('With VALIDATION_FAILED: field name (nested paths joined with ".") → messages.'),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Data for the client beyond the message, where an operation documents it (e.g. the current version on a stale save)."),
  }),
});

const incidentFields = {
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  severity,
  startedAt: dateTime,
  detectedAt: dateTime,
  resolvedAt: dateTime.nullable(),
  services: z.array(z.string()),
  externalUrl: z.string().nullable(),
  team: teamRef,
  createdAt: dateTime,
  updatedAt: dateTime,
};

export const incidentListItemSchema = z.object({ ...incidentFields, reviewCount: z.number().int() });
export const incidentPageSchema = page(incidentListItemSchema);

export const incidentSchema = z.object({
  ...incidentFields,
  createdBy: userRef.nullable(),
  reviews: z.array(z.object({ id: z.string(), title: z.string(), phase, createdAt: dateTime })).describe("The reviews of this incident you may see."),
  abilities: z.object({ createReview: z.boolean(), edit: z.boolean() }).describe("What you may do with this incident."),
});

export const reviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  phase,
  nextPhase: phase.nullable().describe("The phase a move would go to; null once published."),
  visibility,
  createdAt: dateTime,
  updatedAt: dateTime,
  phaseChangedAt: dateTime,
  publishedAt: dateTime.nullable(),
  incident: z.object({
    id: z.string(),
    title: z.string(),
    severity,
    startedAt: dateTime,
    detectedAt: dateTime,
    resolvedAt: dateTime.nullable(),
    services: z.array(z.string()),
    externalUrl: z.string().nullable(),
    team: teamRef,
  }),
  participants: z.array(z.object({ id: z.string(), userId: z.string(), name: z.string().nullable(), email: z.string(), role: participantRole })),
  myRole: participantRole.nullable().describe("Your role in this review; null when you do not take part."),
  nextStep: z.object({ title: z.string(), detail: z.string() }).describe("What you should do next in this phase."),
  abilities: z
    .object({
      view: z.boolean(),
      movePhase: z.boolean(),
      manageParticipants: z.boolean(),
      edit: z.boolean(),
      writeOwnAccount: z.boolean().describe("Write your independent account (responders, during INDEPENDENT)."),
      viewAccountStatus: z.boolean().describe("See the status board of accounts (never their content)."),
      remindResponders: z.boolean(),
      configureAccounts: z.boolean().describe("Change the accounts' deadline, prompts and anonymisation."),
    })
    .describe("What you may do with this review."),
});

export const reviewListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  phase,
  visibility,
  updatedAt: dateTime,
  phaseChangedAt: dateTime,
  incident: z.object({ id: z.string(), title: z.string(), severity, startedAt: dateTime, team: teamRef }),
  facilitator: userRef.nullable(),
  myRole: participantRole.nullable(),
  participantCount: z.number().int(),
});
export const reviewPageSchema = page(reviewListItemSchema);

export const participantSchema = z.object({ id: z.string(), reviewId: z.string(), userId: z.string(), role: participantRole, createdAt: dateTime });

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  memberCount: z.number().int(),
  myRole: teamRole.nullable().describe("Your role in this team; null when you are not a member."),
});
export const teamListSchema = z.array(teamSchema);

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["ADMIN", "MEMBER"]),
  teams: z.array(z.object({ ...teamRef.shape, role: teamRole })),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to tell tokens apart."),
  createdAt: dateTime,
  lastUsedAt: dateTime.nullable(),
  expiresAt: dateTime.nullable(),
});
export const apiTokenListSchema = z.array(apiTokenSchema);

export const createdApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  expiresAt: dateTime.nullable(),
  token: z.string().describe("The secret, shown this once: send it as `Authorization: Bearer <token>`."),
});

/** Names under which response schemas appear in the OpenAPI document's components. */
export const RESPONSE_SCHEMA_NAMES = new Map<z.ZodType, string>([
  [errorResponseSchema, "Error"],
  [incidentPageSchema, "IncidentPage"],
  [incidentSchema, "Incident"],
  [reviewSchema, "Review"],
  [reviewPageSchema, "ReviewPage"],
  [participantSchema, "Participant"],
  [teamListSchema, "TeamList"],
  [meSchema, "Me"],
  [apiTokenListSchema, "ApiTokenList"],
  [createdApiTokenSchema, "CreatedApiToken"],
  ...ACCOUNT_RESPONSE_SCHEMA_NAMES,
  ...BACKLOG_RESPONSE_SCHEMA_NAMES,
  ...SESSION_RESPONSE_SCHEMA_NAMES,
  ...INSIGHT_RESPONSE_SCHEMA_NAMES,
  ...LIBRARY_RESPONSE_SCHEMA_NAMES,
  ...ACTION_RESPONSE_SCHEMA_NAMES,
]);
