import { listBacklog } from "@/lib/action-items/list-backlog";
import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";

export const GET = operationRoute(operations.getTeamBacklog, ({ actor, params, query }) => listBacklog(actor, params.teamId, query));
