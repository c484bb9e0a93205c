/**
 * REST API v1 operations of the group session (merged into `operations` in ../operations.ts): the
 * merged and shared timeline, findings, comments, the facilitator's controls and the live event
 * stream. The rules (lib/policies/session.ts) in short: readable by the review's participants and
 * admins from the reveal (GROUP) on, and after publication by whoever may see the review;
 * changed by the facilitator, responders and admins during GROUP (observers read); the agenda
 * step, timer and prepared questions are the facilitator's. Everyone else gets 404.
 */
import { z } from "zod";
import { addSessionItemSchema } from "../../session/add-session-item";
import { updateSessionItemSchema } from "../../session/update-session-item";
import { updateSessionSchema } from "../../session/update-session";
import { mergeSharedEntriesSchema } from "../../timeline/merge-shared-entries";
import { addSharedEntrySchema, keyMomentSchema, promoteTimelineEntrySchema, updateSharedEntrySchema, type AddSharedEntryInput } from "../../timeline/shared-entries";
import { id, operation, reviewParams } from "../operation";
import {
  mergedSharedEntriesSchema,
  sessionItemSchema,
  sessionViewSchema,
  sharedTimelineEntrySchema,
  timelineViewSchema,
} from "../responses/session";
import { apiTimelineEntrySchema } from "./accounts";
import { reads, sessionFindingOperations, writes } from "./session-findings";

const strictTime = apiTimelineEntrySchema.shape.occurredAt;
const MISSING: Record<"occurredAt" | "description" | "kind", string> = {
  occurredAt: "Give the time as an ISO 8601 date-time with a time zone, e.g. 2026-11-20T14:05:00+01:00.",
  description: "Say what happened.",
  kind: "The kind is one of observation, action, decision, communication or alert.",
};

/**
 * POST /timeline takes either `{ promoteEntryId, keyMoment? }` or a new entry. One object with
 * the fields of both (so each bad field gets its own message), told apart by promoteEntryId.
 */
export const apiAddToSharedTimelineSchema = z
  .object({
    promoteEntryId: promoteTimelineEntrySchema.shape.promoteEntryId.optional(),
    occurredAt: strictTime.optional(),
    timezone: apiTimelineEntrySchema.shape.timezone,
    description: addSharedEntrySchema.shape.description.optional(),
    kind: addSharedEntrySchema.shape.kind.optional(),
    evidenceUrl: addSharedEntrySchema.shape.evidenceUrl,
    keyMoment: keyMomentSchema.nullable().optional(),
    sourceEntryIds: addSharedEntrySchema.shape.sourceEntryIds,
  })
  .superRefine((v, ctx) => {
    if (v.promoteEntryId) {
      for (const key of ["occurredAt", "description", "kind", "evidenceUrl", "sourceEntryIds"] as const) {
        if (v[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "Send promoteEntryId alone (with keyMoment), or a new entry without it." });
      }
      return;
    }
    for (const key of ["occurredAt", "description", "kind"] as const) if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: MISSING[key] });
  })
  .transform((v) =>
    v.promoteEntryId
      ? { promote: { promoteEntryId: v.promoteEntryId, keyMoment: v.keyMoment } }
      : { add: { ...v, promoteEntryId: undefined } as AddSharedEntryInput },
  )
  .describe(
    "Either `{ promoteEntryId, keyMoment? }` — copy a personal entry of a revealed account into the shared timeline — or a new entry: " +
      "`occurredAt` (ISO 8601 with its zone, not in the future), `description`, `kind`, and optionally `timezone`, `evidenceUrl` (http/https), `keyMoment` and `sourceEntryIds` (personal entries it is based on).",
  );

export const apiUpdateSharedEntrySchema = updateSharedEntrySchema.safeExtend({ occurredAt: strictTime.optional() });
export const apiMergeSharedEntriesSchema = mergeSharedEntriesSchema.safeExtend({ occurredAt: strictTime.optional() });

const tag = "Reviews" as const;
const auth = "token-or-session" as const;
const base = "/api/v1/reviews/{id}" as const;
const entryParams = z.object({ id: id("review"), entryId: id("shared timeline entry") });
const itemParams = z.object({ id: id("review"), itemId: id("session item") });

export const sessionOperations = {
  listTimeline: operation({
    operationId: "listTimeline",
    method: "GET",
    path: `${base}/timeline`,
    tag,
    summary: "The session's merged and shared timeline",
    description:
      "`merged`: every revealed account's personal entries interleaved by time and attributed (anonymised as in the list of accounts), with the `divergences` between them — " +
      `the same moment described differently, what one person saw and others did not, long gaps. \`shared\`: the timeline the group builds. ${reads} ` +
      "People who read the published review without taking part see the shared timeline only.",
    auth,
    params: reviewParams,
    status: 200,
    response: timelineViewSchema,
    responseDescription: "The timeline.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  addSharedTimelineEntry: operation({
    operationId: "addSharedTimelineEntry",
    method: "POST",
    path: `${base}/timeline`,
    tag,
    summary: "Add to the shared timeline",
    description: `Promote a personal entry (\`promoteEntryId\`; 409 with \`details.sharedEntryId\` if it already is in the shared timeline) or add a new one. ${writes}`,
    auth,
    params: reviewParams,
    body: apiAddToSharedTimelineSchema,
    status: 201,
    response: sharedTimelineEntrySchema,
    responseDescription: "The new shared entry.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  updateSharedTimelineEntry: operation({
    operationId: "updateSharedTimelineEntry",
    method: "PATCH",
    path: `${base}/timeline/{entryId}`,
    tag,
    summary: "Edit a shared timeline entry or mark a key moment",
    description: `Send only what changes; \`evidenceUrl: null\` removes the link, \`keyMoment\` marks (DETECTION, DIAGNOSIS, REPAIR, OTHER) or, with null, unmarks a key moment. ${writes}`,
    auth,
    params: entryParams,
    body: apiUpdateSharedEntrySchema,
    status: 200,
    response: sharedTimelineEntrySchema,
    responseDescription: "The entry as saved.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  deleteSharedTimelineEntry: operation({
    operationId: "deleteSharedTimelineEntry",
    method: "DELETE",
    path: `${base}/timeline/{entryId}`,
    tag,
    summary: "Delete a shared timeline entry",
    description: `With its links to findings and its comments; the personal entries it came from stay. ${writes}`,
    auth,
    params: entryParams,
    status: 204,
    responseDescription: "Deleted.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  mergeSharedTimelineEntries: operation({
    operationId: "mergeSharedTimelineEntries",
    method: "POST",
    path: `${base}/timeline/merge`,
    tag,
    summary: "Merge duplicate shared timeline entries",
    description: `The earliest entry remains — at the earliest time unless \`occurredAt\` is given — with the union of the sources, findings and comments of all; the others are deleted. ${writes}`,
    auth,
    params: reviewParams,
    body: apiMergeSharedEntriesSchema,
    status: 200,
    response: mergedSharedEntriesSchema,
    responseDescription: "The merged entry.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  ...sessionFindingOperations,
  getSession: operation({
    operationId: "getSession",
    method: "GET",
    path: `${base}/session`,
    tag,
    summary: "The session's agenda, current step, timer, questions and parking lot",
    description: `The agenda follows the method's steps, with one item per divergence. Before the reveal the facilitator and admins see the questions they prepare (and nobody else anything). ${reads}`,
    auth,
    params: reviewParams,
    status: 200,
    response: sessionViewSchema,
    responseDescription: "The session.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  updateSession: operation({
    operationId: "updateSession",
    method: "PATCH",
    path: `${base}/session`,
    tag,
    summary: "Move to an agenda step, start or clear the timer",
    description: "`step`: an id from `agenda` (a step or a divergence item). `timerMinutes`: a timer from now; null clears it. The facilitator or an admin, during GROUP.",
    auth,
    params: reviewParams,
    body: updateSessionSchema,
    status: 200,
    response: sessionViewSchema,
    responseDescription: "The session now.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  addSessionItem: operation({
    operationId: "addSessionItem",
    method: "POST",
    path: `${base}/session/items`,
    tag,
    summary: "Prepare a question or add a parking-lot topic",
    description: "QUESTION: the facilitator or an admin, from PREPARING until the session ends. PARKING_LOT: the facilitator, responders and admins, during GROUP.",
    auth,
    params: reviewParams,
    body: addSessionItemSchema,
    status: 201,
    response: sessionItemSchema,
    responseDescription: "The new item.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  updateSessionItem: operation({
    operationId: "updateSessionItem",
    method: "PATCH",
    path: `${base}/session/items/{itemId}`,
    tag,
    summary: "Mark a question or topic done, or reword it",
    description: "Questions: the facilitator or an admin. Parking-lot topics: also whoever added them, during GROUP.",
    auth,
    params: itemParams,
    body: updateSessionItemSchema,
    status: 200,
    response: sessionItemSchema,
    responseDescription: "The item as saved.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  deleteSessionItem: operation({
    operationId: "deleteSessionItem",
    method: "DELETE",
    path: `${base}/session/items/{itemId}`,
    tag,
    summary: "Delete a question or parking-lot topic",
    description: "Who may: as for editing it.",
    auth,
    params: itemParams,
    status: 204,
    responseDescription: "Deleted.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  streamReviewEvents: operation({
    operationId: "streamReviewEvents",
    method: "GET",
    path: `${base}/events`,
    tag,
    summary: "Live session updates (Server-Sent Events)",
    description:
      "A `text/event-stream` (use `EventSource` or read the body as a stream). Events: `ready` once subscribed; then `timeline.changed`, `findings.changed`, " +
      '`session.changed` and `comments.changed`, each with `data: {"ids":[…],"at":"…"}` — the ids of what changed, never content: read it again through the other operations. ' +
      "A `: heartbeat` comment every 15 s. Access is checked again at each heartbeat: someone removed from the review gets `event: closed` and the stream ends. " +
      reads,
    auth,
    params: reviewParams,
    status: 200,
    responseDescription: "An event stream (text/event-stream) that stays open.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
};
