import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { deleteComment } from "@/lib/comments/delete-comment";

export const DELETE = operationRoute(operations.deleteComment, ({ actor, params }) => deleteComment(actor, params.id, params.commentId));
