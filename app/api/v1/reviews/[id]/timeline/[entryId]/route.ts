import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { deleteSharedEntry } from "@/lib/timeline/delete-shared-entry";
import { updateSharedEntry } from "@/lib/timeline/update-shared-entry";

export const PATCH = operationRoute(operations.updateSharedTimelineEntry, ({ actor, params, body }) => updateSharedEntry(actor, params.id, params.entryId, body));

export const DELETE = operationRoute(operations.deleteSharedTimelineEntry, ({ actor, params }) => deleteSharedEntry(actor, params.id, params.entryId));
