import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { createIncident } from "@/lib/incidents/create-incident";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";

export const GET = operationRoute(operations.listIncidents, async ({ actor, query }) => {
  const page = await listIncidents(actor, query);
  return { ...page, items: page.items.map(({ _count, ...incident }) => ({ ...incident, reviewCount: _count.reviews })) };
});

export const POST = operationRoute(operations.createIncident, async ({ actor, body }) => {
  const incident = await createIncident(actor, body);
  return getIncident(actor, incident.id);
});
