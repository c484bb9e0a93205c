/**
 * REST API v1 operations of the session's findings board and comments (merged into
 * `sessionOperations` in ./session.ts, which states the rules they share).
 */
import { z } from "zod";
import { addCommentSchema } from "../../comments/add-comment";
import { listCommentsSchema } from "../../comments/list-comments";
import { createFindingSchema } from "../../findings/create-finding";
import { updateFindingSchema } from "../../findings/update-finding";
import { id, operation, reviewParams } from "../operation";
import { commentListSchema, commentSchema, findingSchema, findingsBoardSchema } from "../responses/session";

const tag = "Reviews" as const;
const auth = "token-or-session" as const;
const base = "/api/v1/reviews/{id}" as const;
/** The read rule, in the words of the operations' descriptions. */
export const reads = "For the review's participants and admins from the reveal (GROUP) on, and after publication for whoever may see the review; 404 for anyone else, 409 before the reveal.";
/** The write rule, likewise. */
export const writes = "The facilitator, responders and admins, during GROUP: 403 for observers, 409 once the session has ended.";
const findingParams = z.object({ id: id("review"), findingId: id("finding") });

export const sessionFindingOperations = {
  listFindings: operation({
    operationId: "listFindings",
    method: "GET",
    path: `${base}/findings`,
    tag,
    summary: "The findings board",
    description: `Findings by category: contributing factors (technical; human & organisational), knowledge gaps, operational surprises, what went well — never a single root cause. ${reads}`,
    auth,
    params: reviewParams,
    status: 200,
    response: findingsBoardSchema,
    responseDescription: "The board.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  createFinding: operation({
    operationId: "createFinding",
    method: "POST",
    path: `${base}/findings`,
    tag,
    summary: "Add a finding",
    description: `With the shared timeline entries that support it (\`evidenceEntryIds\`). ${writes}`,
    auth,
    params: reviewParams,
    body: createFindingSchema,
    status: 201,
    response: findingSchema,
    responseDescription: "The new finding.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  updateFinding: operation({
    operationId: "updateFinding",
    method: "PATCH",
    path: `${base}/findings/{findingId}`,
    tag,
    summary: "Edit a finding, link or unlink evidence",
    description: `Send only what changes; \`link\` and \`unlink\` add and remove supporting shared timeline entries. ${writes}`,
    auth,
    params: findingParams,
    body: updateFindingSchema,
    status: 200,
    response: findingSchema,
    responseDescription: "The finding as saved.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  deleteFinding: operation({
    operationId: "deleteFinding",
    method: "DELETE",
    path: `${base}/findings/{findingId}`,
    tag,
    summary: "Delete a finding",
    description: `With its evidence links and comments. ${writes}`,
    auth,
    params: findingParams,
    status: 204,
    responseDescription: "Deleted.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  listComments: operation({
    operationId: "listComments",
    method: "GET",
    path: `${base}/comments`,
    tag,
    summary: "Comments on a shared timeline entry or finding",
    description: `\`targetType\` and \`targetId\` choose the entry or finding; without them, every comment of the review. Build threads from \`parentId\`. ${reads}`,
    auth,
    params: reviewParams,
    query: listCommentsSchema,
    status: 200,
    response: commentListSchema,
    responseDescription: "The comments, oldest first.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  addComment: operation({
    operationId: "addComment",
    method: "POST",
    path: `${base}/comments`,
    tag,
    summary: "Comment, or reply to a comment",
    description: `Participants mentioned as \`@email@address\` or \`@Display Name\` are notified (only the review's participants). ${writes}`,
    auth,
    params: reviewParams,
    body: addCommentSchema,
    status: 201,
    response: commentSchema,
    responseDescription: "The comment.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  deleteComment: operation({
    operationId: "deleteComment",
    method: "DELETE",
    path: `${base}/comments/{commentId}`,
    tag,
    summary: "Delete a comment",
    description: "With its replies. Its author, the facilitator or an admin, during GROUP.",
    auth,
    params: z.object({ id: id("review"), commentId: id("comment") }),
    status: 204,
    responseDescription: "Deleted.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
};
