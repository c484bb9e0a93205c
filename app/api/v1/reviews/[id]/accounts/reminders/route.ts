import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { remindResponders } from "@/lib/responder-accounts/remind-responders";

export const POST = operationRoute(operations.remindResponders, ({ actor, params, body }) => remindResponders(actor, params.id, body));
