import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { testBacklogConnection } from "@/lib/backlog/test-backlog-connection";

export const POST = operationRoute(operations.testBacklogConnection, ({ actor, params }) => testBacklogConnection(actor, params.teamId));
