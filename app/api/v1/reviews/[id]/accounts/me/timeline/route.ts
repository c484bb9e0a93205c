import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { addTimelineEntry, listMyTimeline } from "@/lib/responder-accounts/personal-timeline";

export const GET = operationRoute(operations.listMyTimeline, ({ actor, params }) => listMyTimeline(actor, params.id));

export const POST = operationRoute(operations.addTimelineEntry, ({ actor, params, body }) => addTimelineEntry(actor, params.id, body));
