import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { deleteTimelineEntry, updateTimelineEntry } from "@/lib/responder-accounts/personal-timeline";

export const PUT = operationRoute(operations.updateTimelineEntry, ({ actor, params, body }) => updateTimelineEntry(actor, params.id, params.entryId, body));

export const DELETE = operationRoute(operations.deleteTimelineEntry, ({ actor, params }) => deleteTimelineEntry(actor, params.id, params.entryId));
