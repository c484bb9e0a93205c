import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getAccountStatusBoard } from "@/lib/responder-accounts/status-board";

export const GET = operationRoute(operations.getAccountStatusBoard, ({ actor, params }) => getAccountStatusBoard(actor, params.id));
