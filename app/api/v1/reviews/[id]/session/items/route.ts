import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { addSessionItem } from "@/lib/session/add-session-item";

export const POST = operationRoute(operations.addSessionItem, ({ actor, params, body }) => addSessionItem(actor, params.id, body));
