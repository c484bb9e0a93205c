/**
 * REST API v1 operations of improvement actions and team backlogs (merged into `operations` in
 * ../operations.ts). The rules (lib/policies/action-items.ts) in short: a review's actions are read
 * by its participants and admins from the group session on, and after publication by whoever may
 * see the review; they are planned by the facilitator, responders and admins during
 * ACTION_PLANNING; after publication only status, assignee and due date change (the owning team,
 * the assignee, admins). A team's backlog is read by its members and admins, ranked and
 * prioritised by its product managers and admins.
 */
import { z } from "zod";
import { createActionItemSchema } from "../../action-items/create-action-item";
import { listBacklogSchema } from "../../action-items/list-backlog";
import { recordNoActionSchema } from "../../action-items/record-no-action";
import { updateActionItemSchema } from "../../action-items/update-action-item";
import { id, operation, reviewParams } from "../operation";
import { actionSchema, agreedActionsSchema, backlogPageSchema, noActionDecisionSchema, reviewActionsSchema } from "../responses/action-items";
import { docInput } from "../wire";

const base = "/api/v1/reviews/{id}/action-items" as const;
const auth = "token-or-session" as const;
const reads = "For the review's participants and admins from the group session on, and after publication for whoever may see the review; 404 for anyone else.";
const plans = "The facilitator, responders and admins, during ACTION_PLANNING: 403 for observers, 409 in other phases.";
const actionParams = z.object({ id: id("action") });
const findingParams = z.object({ id: id("review"), findingId: id("finding") });

/** The request schemas with the description documented as a Tiptap document (validated by the same rules). */
export const apiCreateActionItemSchema = createActionItemSchema.safeExtend({ description: docInput.optional() });
export const apiUpdateActionItemSchema = updateActionItemSchema.safeExtend({ description: docInput.optional() });

export const actionItemOperations = {
  listReviewActions: operation({
    operationId: "listReviewActions",
    method: "GET",
    path: base,
    tag: "Reviews",
    summary: "A review's actions and its findings' action plan",
    description: `Every action with its status and tracker state, and every finding with the actions addressing it or the group's “no action needed” decision (\`unaddressed\` marks findings with neither). ${reads}`,
    auth,
    params: reviewParams,
    status: 200,
    response: reviewActionsSchema,
    responseDescription: "The review's action plan.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  createActionItem: operation({
    operationId: "createActionItem",
    method: "POST",
    path: base,
    tag: "Reviews",
    summary: "Plan an action",
    description: `Owned by a team (required; it joins the bottom of the team's backlog), optionally assigned to anyone in the organisation, linked to the findings it addresses. Vague titles (“improve monitoring”) come back with hints, never refused. ${plans}`,
    auth,
    params: reviewParams,
    body: apiCreateActionItemSchema,
    status: 201,
    response: actionSchema,
    responseDescription: "The new action.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  agreeAllActions: operation({
    operationId: "agreeAllActions",
    method: "POST",
    path: `${base}/agree`,
    tag: "Reviews",
    summary: "Agree every proposed action",
    description: `Sets \`agreedAt\` on every action still proposed (agreed actions go to their team's tracker). ${plans}`,
    auth,
    params: reviewParams,
    status: 200,
    response: agreedActionsSchema,
    responseDescription: "The actions agreed now.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  recordNoAction: operation({
    operationId: "recordNoAction",
    method: "PUT",
    path: `${base}/no-action/{findingId}`,
    tag: "Reviews",
    summary: "Record that a finding needs no action",
    description: `With the reason, so nothing is silently dropped. 409 when the finding has actions. ${plans}`,
    auth,
    params: findingParams,
    body: recordNoActionSchema,
    status: 200,
    response: noActionDecisionSchema,
    responseDescription: "The decision.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  clearNoAction: operation({
    operationId: "clearNoAction",
    method: "DELETE",
    path: `${base}/no-action/{findingId}`,
    tag: "Reviews",
    summary: "Withdraw a finding's “no action needed” decision",
    description: plans,
    auth,
    params: findingParams,
    status: 204,
    responseDescription: "Withdrawn (or there was none).",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  getActionItem: operation({
    operationId: "getActionItem",
    method: "GET",
    path: "/api/v1/action-items/{id}",
    tag: "Reviews",
    summary: "Get an action",
    description: "For its review's readers, its team's members and its assignee; 404 for anyone else.",
    auth,
    params: actionParams,
    status: 200,
    response: actionSchema,
    responseDescription: "The action.",
    errors: ["NOT_FOUND"],
  }),
  updateActionItem: operation({
    operationId: "updateActionItem",
    method: "PATCH",
    path: "/api/v1/action-items/{id}",
    tag: "Reviews",
    summary: "Change an action, agree it, or move it in its team's backlog",
    description:
      "Send only what changes. During ACTION_PLANNING the facilitator, responders and admins change any field and agree (`agreed: true`). " +
      "After publication only `status`, `assigneeId` and `dueDate` change — by the owning team's members, the assignee and admins (409 for other fields). " +
      "`priority`: also the team's product managers and admins, any time. `move`: the team's product managers and admins — " +
      "`{ after, before }` (the neighbours it goes between, as you saw them) or `{ to: top | bottom | up | down }`. " +
      "DONE and WONT_DO set `closedAt`; reopening clears it. Nothing is written unless every part of the request is allowed and valid.",
    auth,
    params: actionParams,
    body: apiUpdateActionItemSchema,
    status: 200,
    response: actionSchema,
    responseDescription: "The action as saved.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  deleteActionItem: operation({
    operationId: "deleteActionItem",
    method: "DELETE",
    path: "/api/v1/action-items/{id}",
    tag: "Reviews",
    summary: "Delete an action",
    description: `During ACTION_PLANNING, while it is not in a tracker (409 afterwards: mark it WONT_DO). ${plans}`,
    auth,
    params: actionParams,
    status: 204,
    responseDescription: "Deleted.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  getTeamBacklog: operation({
    operationId: "getTeamBacklog",
    method: "GET",
    path: "/api/v1/teams/{teamId}/backlog",
    tag: "Teams",
    summary: "A team's backlog",
    description:
      "The team's actions from every review, ranked (or `order=overdue-first`), with each item's tracker key, URL and sync state. " +
      "Filters: `status`, `overdue`, `reviewId`, `category` (of the findings it addresses), `priority`. Pages of `limit` (default 50); pass `nextCursor` back as `cursor`. " +
      "For the team's members and admins (403 for others).",
    auth,
    params: z.object({ teamId: z.string().min(1).describe("The team's id (or slug).") }),
    query: listBacklogSchema,
    status: 200,
    response: backlogPageSchema,
    responseDescription: "A page of the backlog.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
};
