import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { EVENT_STREAM_HEADERS, streamReviewEvents } from "@/lib/events/stream-review-events";

export const dynamic = "force-dynamic";

export const GET = operationRoute(operations.streamReviewEvents, async ({ actor, params, request }) => {
  return new Response(await streamReviewEvents(actor, params.id, request.signal), { headers: EVENT_STREAM_HEADERS });
});
