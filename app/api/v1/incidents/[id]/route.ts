import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getIncident } from "@/lib/incidents/get-incident";

export const GET = operationRoute(operations.getIncident, ({ actor, params }) => getIncident(actor, params.id));
