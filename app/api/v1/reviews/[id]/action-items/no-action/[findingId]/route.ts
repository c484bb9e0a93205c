import { clearNoAction } from "@/lib/action-items/clear-no-action";
import { recordNoAction } from "@/lib/action-items/record-no-action";
import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";

export const PUT = operationRoute(operations.recordNoAction, ({ actor, params, body }) => recordNoAction(actor, params.id, params.findingId, body));

export const DELETE = operationRoute(operations.clearNoAction, ({ actor, params }) => clearNoAction(actor, params.id, params.findingId));
