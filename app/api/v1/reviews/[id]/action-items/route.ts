import { createActionItem } from "@/lib/action-items/create-action-item";
import { listReviewActions } from "@/lib/action-items/list-review-actions";
import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";

export const GET = operationRoute(operations.listReviewActions, ({ actor, params }) => listReviewActions(actor, params.id));

export const POST = operationRoute(operations.createActionItem, ({ actor, params, body }) => createActionItem(actor, params.id, body));
