import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { addComment } from "@/lib/comments/add-comment";
import { listComments } from "@/lib/comments/list-comments";

export const GET = operationRoute(operations.listComments, ({ actor, params, query }) => listComments(actor, params.id, query));

export const POST = operationRoute(operations.addComment, ({ actor, params, body }) => addComment(actor, params.id, body));
