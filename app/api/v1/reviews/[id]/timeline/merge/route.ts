import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { mergeSharedEntries } from "@/lib/timeline/merge-shared-entries";

export const POST = operationRoute(operations.mergeSharedTimelineEntries, ({ actor, params, body }) => mergeSharedEntries(actor, params.id, body));
