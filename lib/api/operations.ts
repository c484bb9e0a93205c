/**
 * Every REST API v1 operation, declared once: its method and path, the zod schemas for its
 * path parameters, query and body, its success status and response schema, and the errors it
 * can answer with. The route handlers in app/api/v1 are built from these (operation-route.ts)
 * and the OpenAPI document is generated from the same objects (openapi.ts), so the two cannot
 * drift. Request schemas are the use cases' own, imported from beside them. Independent accounts
 * and notifications are declared in operations/ and merged in here.
 */
import { z } from "zod";
import { createApiTokenSchema } from "../auth/manage-api-tokens";
import { createIncidentSchema } from "../incidents/create-incident";
import { listIncidentsSchema } from "../incidents/list-incidents";
import { addParticipantSchema } from "../reviews/add-participant";
import { createReviewSchema } from "../reviews/create-review";
import { listReviewsSchema } from "../reviews/list-reviews";
import { moveReviewPhaseSchema } from "../reviews/move-review-phase";
import {
  apiTokenListSchema,
  createdApiTokenSchema,
  incidentPageSchema,
  incidentSchema,
  meSchema,
  participantSchema,
  reviewPageSchema,
  reviewSchema,
  teamListSchema,
} from "./responses";
import { id, isoDateTime, operation, reviewParams } from "./operation";
import { accountOperations } from "./operations/accounts";
import { backlogOperations } from "./operations/backlog";
import { actionItemOperations } from "./operations/action-items";
import { collaborationOperations } from "./operations/collaboration";
import { insightOperations } from "./operations/insights";
import { libraryOperations } from "./operations/library";
import { notificationOperations } from "./operations/notifications";
import { sessionOperations } from "./operations/session";

export type { Operation } from "./operation";

/** createIncidentSchema with strict ISO 8601 dates (the web form sends local date-times instead). */
export const apiCreateIncidentSchema = createIncidentSchema.safeExtend({
  startedAt: isoDateTime("the time the incident started"),
  detectedAt: isoDateTime("the time the incident was detected"),
  resolvedAt: isoDateTime("the time the incident was resolved").optional(),
});

export const operations = {
  listIncidents: operation({
    operationId: "listIncidents",
    method: "GET",
    path: "/api/v1/incidents",
    tag: "Incidents",
    summary: "List the incidents you may see",
    description: "Newest first (by start time). Pass `nextCursor` back as `cursor` for the next page.",
    auth: "token-or-session",
    query: listIncidentsSchema,
    status: 200,
    response: incidentPageSchema,
    responseDescription: "A page of incidents.",
    errors: [],
  }),
  createIncident: operation({
    operationId: "createIncident",
    method: "POST",
    path: "/api/v1/incidents",
    tag: "Incidents",
    summary: "Record an incident",
    description: "For a team you belong to (any team, for admins).",
    auth: "token-or-session",
    body: apiCreateIncidentSchema,
    status: 201,
    response: incidentSchema,
    responseDescription: "The incident as recorded.",
    errors: ["FORBIDDEN"],
  }),
  getIncident: operation({
    operationId: "getIncident",
    method: "GET",
    path: "/api/v1/incidents/{id}",
    tag: "Incidents",
    summary: "Get an incident",
    description: "With the reviews of it that you may see. 404 when it does not exist or you may not see it.",
    auth: "token-or-session",
    params: z.object({ id: id("incident") }),
    status: 200,
    response: incidentSchema,
    responseDescription: "The incident.",
    errors: ["NOT_FOUND"],
  }),
  listReviews: operation({
    operationId: "listReviews",
    method: "GET",
    path: "/api/v1/reviews",
    tag: "Reviews",
    summary: "List the reviews you may see",
    description:
      "`filter`: `mine` (you take part), `teams` (owned by your teams) or `all`. Most recently active first; pass `nextCursor` back as `cursor` for the next page.",
    auth: "token-or-session",
    query: listReviewsSchema,
    status: 200,
    response: reviewPageSchema,
    responseDescription: "A page of reviews.",
    errors: [],
  }),
  createReview: operation({
    operationId: "createReview",
    method: "POST",
    path: "/api/v1/reviews",
    tag: "Reviews",
    summary: "Start a review of an incident",
    description: "The review starts in PREPARING with its facilitator as the first participant. Admins and members of the owning team may start one.",
    auth: "token-or-session",
    body: createReviewSchema,
    status: 201,
    response: reviewSchema,
    responseDescription: "The review.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  getReview: operation({
    operationId: "getReview",
    method: "GET",
    path: "/api/v1/reviews/{id}",
    tag: "Reviews",
    summary: "Get a review",
    description: "404 when it does not exist or you may not see it.",
    auth: "token-or-session",
    params: reviewParams,
    status: 200,
    response: reviewSchema,
    responseDescription: "The review.",
    errors: ["NOT_FOUND"],
  }),
  addParticipant: operation({
    operationId: "addParticipant",
    method: "POST",
    path: "/api/v1/reviews/{id}/participants",
    tag: "Reviews",
    summary: "Invite someone to a review",
    description: "As responder (until the reveal) or observer. The facilitator or an admin only.",
    auth: "token-or-session",
    params: reviewParams,
    body: addParticipantSchema,
    status: 201,
    response: participantSchema,
    responseDescription: "The new participant.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  removeParticipant: operation({
    operationId: "removeParticipant",
    method: "DELETE",
    path: "/api/v1/reviews/{id}/participants/{participantId}",
    tag: "Reviews",
    summary: "Remove a participant",
    description: "Responders until the reveal, observers until publication; never the facilitator. The facilitator or an admin only.",
    auth: "token-or-session",
    params: z.object({ id: id("review"), participantId: id("participant") }),
    status: 204,
    responseDescription: "Removed.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  moveReviewPhase: operation({
    operationId: "moveReviewPhase",
    method: "POST",
    path: "/api/v1/reviews/{id}/phase",
    tag: "Reviews",
    summary: "Move a review to its next phase",
    description:
      "PREPARING → INDEPENDENT → GROUP → ACTION_PLANNING → PUBLISHED, one step at a time. The move to GROUP is the reveal of all accounts and cannot be undone. The facilitator or an admin only; 409 when `to` is not the next phase or the review is not ready for it — for PUBLISHED, until the publish checklist is met, with each missing item in `details.unmet` (see publishReview).",
    auth: "token-or-session",
    params: reviewParams,
    body: moveReviewPhaseSchema,
    status: 200,
    response: reviewSchema,
    responseDescription: "The review in its new phase.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  listTeams: operation({
    operationId: "listTeams",
    method: "GET",
    path: "/api/v1/teams",
    tag: "Teams",
    summary: "List the organisation's teams",
    auth: "token-or-session",
    status: 200,
    response: teamListSchema,
    responseDescription: "All teams, by name.",
    errors: [],
  }),
  getMe: operation({
    operationId: "getMe",
    method: "GET",
    path: "/api/v1/me",
    tag: "Me",
    summary: "Who you are",
    description: "The user behind the API token or session, with their teams.",
    auth: "token-or-session",
    status: 200,
    response: meSchema,
    responseDescription: "You.",
    errors: [],
  }),
  listApiTokens: operation({
    operationId: "listApiTokens",
    method: "GET",
    path: "/api/v1/me/tokens",
    tag: "Me",
    summary: "List your API tokens",
    description: "Active tokens only. The secret is never shown again after creation.",
    auth: "token-or-session",
    status: 200,
    response: apiTokenListSchema,
    responseDescription: "Your active tokens, newest first.",
    errors: [],
  }),
  createApiToken: operation({
    operationId: "createApiToken",
    method: "POST",
    path: "/api/v1/me/tokens",
    tag: "Me",
    summary: "Create an API token",
    description:
      "Needs a signed-in session (a same-origin request with the session cookie): an API token cannot mint more tokens. The token is in the response once; only its hash is stored.",
    auth: "session",
    body: createApiTokenSchema,
    status: 201,
    response: createdApiTokenSchema,
    responseDescription: "The new token, with its secret.",
    errors: ["FORBIDDEN"],
  }),
  revokeApiToken: operation({
    operationId: "revokeApiToken",
    method: "DELETE",
    path: "/api/v1/me/tokens/{id}",
    tag: "Me",
    summary: "Revoke one of your API tokens",
    description: "Requests with it are refused (401) from then on.",
    auth: "token-or-session",
    params: z.object({ id: id("API token") }),
    status: 204,
    responseDescription: "Revoked.",
    errors: ["NOT_FOUND"],
  }),
  ...accountOperations,
  ...backlogOperations,
  ...notificationOperations,
  ...sessionOperations,
  ...collaborationOperations,
  ...insightOperations,
  ...libraryOperations,
  ...actionItemOperations,
};
