import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { listActionSyncHistory } from "@/lib/backlog/action-sync-history";

export const GET = operationRoute(operations.listActionSyncHistory, ({ actor, params }) => listActionSyncHistory(actor, params.id));
