import { agreeAllActions } from "@/lib/action-items/agree-all-actions";
import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";

export const POST = operationRoute(operations.agreeAllActions, ({ actor, params }) => agreeAllActions(actor, params.id));
