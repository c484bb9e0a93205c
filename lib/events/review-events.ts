/**
 * Live updates of a review's group session: a small publish/subscribe of "something changed"
 * events. Use cases publish after their transaction commits; the SSE route
 * (GET /api/v1/reviews/{id}/events) passes them on to browsers and scripts, which then re-read
 * what changed through the normal, authorised reads. Events carry ids, never content, so a
 * subscriber learns nothing it could not read anyway.
 *
 * In one process an EventEmitter delivers them. With REDIS_URL set, every event is also published
 * on a Redis channel and events from other instances are delivered here, so several web instances
 * behind a load balancer share them (docs/decisions/0004-live-session-updates.md).
 */
import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { z } from "zod";
import { env } from "../env";
import { log } from "../log";

export const REVIEW_EVENT_TYPES = ["timeline.changed", "findings.changed", "session.changed", "comments.changed"] as const;
export type ReviewEventType = (typeof REVIEW_EVENT_TYPES)[number];

export const reviewEventSchema = z.object({
  type: z.enum(REVIEW_EVENT_TYPES),
  reviewId: z.string().min(1).max(100),
  /** The ids of what changed (entries, findings, comments, session items): never content. */
  ids: z.array(z.string().max(100)).max(100),
  /** When it was published (ISO 8601). */
  at: z.string().max(40),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;
export type ReviewEventListener = (event: ReviewEvent) => void;

const envelopeSchema = z.object({ origin: z.string(), event: reviewEventSchema });

export type ReviewEventBus = {
  publish: (event: ReviewEvent) => void;
  /** Calls `listener` with each event of the review; returns the unsubscribe function. */
  subscribe: (reviewId: string, listener: ReviewEventListener) => () => void;
  /** How many listeners follow the review in this process (open streams). */
  subscribers: (reviewId: string) => number;
  /** Calls `callback` when the bus closes (shutdown), so open streams can end; returns the unregister function. */
  onClose: (callback: () => void) => () => void;
  /** Resolves once the bus listens to other instances (at once without Redis). */
  ready: () => Promise<void>;
  close: () => Promise<void>;
};

export const REVIEW_EVENTS_CHANNEL = "debrief:review-events";

/** A bus for this process; with `redisUrl`, shared with every other bus on the same Redis channel. */
export function createReviewEventBus(options: { redisUrl?: string; channel?: string } = {}): ReviewEventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // one per open event stream
  const closing = new Set<() => void>();
  const origin = randomUUID();
  const channel = options.channel ?? REVIEW_EVENTS_CHANNEL;
  const deliver = (event: ReviewEvent) => {
    for (const listener of emitter.listeners(event.reviewId) as ReviewEventListener[]) {
      try {
        listener(event);
      } catch (err) {
        log.warn({ err, reviewId: event.reviewId, type: event.type }, "a review event listener failed");
      }
    }
  };

  let publisher: Redis | null = null;
  let subscriber: Redis | null = null;
  let subscribed: Promise<void> = Promise.resolve();
  if (options.redisUrl) {
    const redisOptions = { lazyConnect: false, maxRetriesPerRequest: 3, connectionName: "debrief-review-events" };
    publisher = new Redis(options.redisUrl, redisOptions);
    subscriber = new Redis(options.redisUrl, redisOptions);
    for (const client of [publisher, subscriber]) client.on("error", (err) => log.warn({ err: err.message }, "review events: Redis connection problem"));
    subscriber.on("message", (ch: string, message: string) => {
      if (ch !== channel) return;
      let parsed: z.infer<typeof envelopeSchema>;
      try {
        parsed = envelopeSchema.parse(JSON.parse(message));
      } catch {
        log.warn({ channel }, "review events: ignored a malformed message");
        return;
      }
      if (parsed.origin !== origin) deliver(parsed.event);
    });
    subscribed = subscriber.subscribe(channel).then(
      () => undefined,
      (err: Error) => log.warn({ err: err.message }, "review events: could not subscribe to Redis"),
    );
  }

  return {
    publish(event) {
      deliver(event);
      publisher?.publish(channel, JSON.stringify({ origin, event })).catch((err: Error) => log.warn({ err: err.message }, "review events: could not publish to Redis"));
    },
    subscribe(reviewId, listener) {
      emitter.on(reviewId, listener);
      return () => void emitter.off(reviewId, listener);
    },
    subscribers: (reviewId) => emitter.listenerCount(reviewId),
    onClose(callback) {
      closing.add(callback);
      return () => void closing.delete(callback);
    },
    ready: () => subscribed,
    async close() {
      for (const callback of [...closing]) callback();
      closing.clear();
      emitter.removeAllListeners();
      await Promise.all([publisher?.quit().catch(() => undefined), subscriber?.quit().catch(() => undefined)]);
    },
  };
}

const globalForEvents = globalThis as unknown as { debriefReviewEvents?: ReviewEventBus };

/** The process-wide bus, shared through REDIS_URL when set (kept on globalThis: Next.js may load this module once per route bundle). */
export function reviewEvents(): ReviewEventBus {
  globalForEvents.debriefReviewEvents ??= createReviewEventBus({ redisUrl: env().REDIS_URL });
  return globalForEvents.debriefReviewEvents;
}

/** Tells everyone following the review that something changed. Call after the change has committed. */
export function publishReviewEvent(type: ReviewEventType, reviewId: string, ids: string[] = []): void {
  reviewEvents().publish({ type, reviewId, ids: ids.slice(0, 100), at: new Date().toISOString() });
}

/** Closes the process-wide bus (graceful shutdown, tests). */
export async function closeReviewEvents(): Promise<void> {
  const bus = globalForEvents.debriefReviewEvents;
  globalForEvents.debriefReviewEvents = undefined;
  await bus?.close();
}
