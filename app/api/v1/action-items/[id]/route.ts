import { deleteActionItem } from "@/lib/action-items/delete-action-item";
import { getActionItem } from "@/lib/action-items/get-action-item";
import { updateActionItem } from "@/lib/action-items/update-action-item";
import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";

export const GET = operationRoute(operations.getActionItem, ({ actor, params }) => getActionItem(actor, params.id));

export const PATCH = operationRoute(operations.updateActionItem, ({ actor, params, body }) => updateActionItem(actor, params.id, body));

export const DELETE = operationRoute(operations.deleteActionItem, ({ actor, params }) => deleteActionItem(actor, params.id));
