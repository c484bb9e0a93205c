import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = operationRoute(operations.listTeams, ({ actor }) => listTeams(actor));
