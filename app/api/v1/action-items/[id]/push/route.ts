import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { requestPush } from "@/lib/backlog/request-push";

export const POST = operationRoute(operations.pushActionItem, ({ actor, params }) => requestPush(actor, params.id));
