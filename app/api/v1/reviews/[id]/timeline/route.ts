import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { addSharedEntry } from "@/lib/timeline/add-shared-entry";
import { listTimeline } from "@/lib/timeline/list-timeline";
import { promoteTimelineEntry } from "@/lib/timeline/promote-timeline-entry";

export const GET = operationRoute(operations.listTimeline, ({ actor, params }) => listTimeline(actor, params.id));

export const POST = operationRoute(operations.addSharedTimelineEntry, ({ actor, params, body }) =>
  body.promote ? promoteTimelineEntry(actor, params.id, body.promote) : addSharedEntry(actor, params.id, body.add),
);
