import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { appendLateAddition } from "@/lib/responder-accounts/append-late-addition";

export const POST = operationRoute(operations.appendLateAddition, ({ actor, params, body }) => appendLateAddition(actor, params.id, body));
