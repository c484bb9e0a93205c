/**
 * A review's live events as a Server-Sent Events stream, for GET /api/v1/reviews/{id}/events:
 * `event: <type>` with `data: {"ids":[…],"at":"…"}` — ids, never content — whenever the shared
 * timeline, findings, session controls or comments change; a `: heartbeat` comment every 15 s
 * (keeps proxies from closing an idle connection); and, at each heartbeat, access is checked
 * again, so someone removed from the review stops receiving events within seconds (the stream
 * ends with `event: closed`). The stream ends cleanly when the client goes away.
 */
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { reviewEvents, type ReviewEventBus } from "./review-events";

export const HEARTBEAT_MS = 15_000;

/** Response headers for the stream; `no-transform` also keeps compression from buffering it. */
export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

/** Opens the stream after checking the actor may read the review's session (404 / 409 otherwise, like other session reads). */
export async function streamReviewEvents(
  actor: Actor,
  reviewId: string,
  signal: AbortSignal,
  options: { heartbeatMs?: number; bus?: ReviewEventBus } = {},
): Promise<ReadableStream<Uint8Array>> {
  await loadSessionReview(actor, reviewId, "read");
  const bus = options.bus ?? reviewEvents();
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = bus.subscribe(reviewId, (e) => send(`event: ${e.type}\ndata: ${JSON.stringify({ ids: e.ids, at: e.at })}\n\n`));
      const timer = setInterval(() => {
        send(": heartbeat\n\n");
        loadSessionReview(actor, reviewId, "read").catch(() => {
          send(`event: closed\ndata: ${JSON.stringify({ reason: "You can no longer follow this review's session." })}\n\n`);
          stop();
        });
      }, heartbeatMs);
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        offClose();
        clearInterval(timer);
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const offClose = bus.onClose(() => stop());
      signal.addEventListener("abort", stop);
      if (signal.aborted) return stop();
      send(`retry: 3000\n\nevent: ready\ndata: ${JSON.stringify({ reviewId })}\n\n`);
    },
    cancel() {
      stop();
    },
  });
}
