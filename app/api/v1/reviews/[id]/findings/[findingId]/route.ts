import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { deleteFinding } from "@/lib/findings/delete-finding";
import { updateFinding } from "@/lib/findings/update-finding";

export const PATCH = operationRoute(operations.updateFinding, ({ actor, params, body }) => updateFinding(actor, params.id, params.findingId, body));

export const DELETE = operationRoute(operations.deleteFinding, ({ actor, params }) => deleteFinding(actor, params.id, params.findingId));
