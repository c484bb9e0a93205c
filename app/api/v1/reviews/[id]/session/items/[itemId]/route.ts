import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { deleteSessionItem } from "@/lib/session/delete-session-item";
import { updateSessionItem } from "@/lib/session/update-session-item";

export const PATCH = operationRoute(operations.updateSessionItem, ({ actor, params, body }) => updateSessionItem(actor, params.id, params.itemId, body));

export const DELETE = operationRoute(operations.deleteSessionItem, ({ actor, params }) => deleteSessionItem(actor, params.id, params.itemId));
