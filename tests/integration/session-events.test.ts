/**
 * Live session updates: the in-process bus, the bus shared through a real Redis by two
 * "instances", and the Server-Sent Events stream — its events (ids, never content), heartbeat,
 * the end of the stream when access is lost, and clean-up when the client goes away.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { createReviewEventBus, reviewEvents, type ReviewEvent } from "../../lib/events/review-events";
import { streamReviewEvents } from "../../lib/events/stream-review-events";
import { addSharedEntry } from "../../lib/timeline/add-shared-entry";
import { promoteTimelineEntry } from "../../lib/timeline/promote-timeline-entry";
import { uid } from "../support/factories";
import { buildSession } from "./session-fixtures";
import { redisAnswers, TEST_REDIS_URL } from "../support/redis";

const event = (reviewId: string, ids: string[] = []): ReviewEvent => ({ type: "findings.changed", reviewId, ids, at: new Date().toISOString() });
const waitFor = async (check: () => boolean, ms = 3_000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("the in-process bus", () => {
  it("delivers a review's events to its subscribers only, until they unsubscribe; a failing listener harms no other", async () => {
    const bus = createReviewEventBus();
    const got: string[] = [];
    const off = bus.subscribe("r1", (e) => got.push(`a:${e.ids[0]}`));
    bus.subscribe("r1", () => {
      throw new Error("listener bug");
    });
    bus.subscribe("r2", (e) => got.push(`b:${e.ids[0]}`));
    bus.publish(event("r1", ["x"]));
    off();
    bus.publish(event("r1", ["y"]));
    expect(got).toEqual(["a:x"]);
    expect(bus.subscribers("r1")).toBe(1);
    await bus.close();
    expect(bus.subscribers("r2")).toBe(0);
  });
});

const REDIS_URL = TEST_REDIS_URL;
const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`Redis is not reachable at ${REDIS_URL}: the two-instance test is skipped (set TEST_REDIS_URL).`);

describe.skipIf(!redisUp)("the bus shared through Redis (two instances)", () => {
  const channel = `debrief:test-events:${uid()}`;
  const one = createReviewEventBus({ redisUrl: REDIS_URL, channel });
  const two = createReviewEventBus({ redisUrl: REDIS_URL, channel });
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  it("delivers every event once on each instance, and ignores malformed messages", async () => {
    await Promise.all([one.ready(), two.ready()]);
    const onOne: string[] = [];
    const onTwo: string[] = [];
    one.subscribe("review-1", (e) => onOne.push(e.ids[0]!));
    two.subscribe("review-1", (e) => onTwo.push(e.ids[0]!));
    const raw = new Redis(REDIS_URL);
    await raw.publish(channel, "not json");
    await raw.publish(channel, JSON.stringify({ origin: "elsewhere", event: { type: "nonsense", reviewId: "review-1", ids: [], at: "" } }));
    await raw.quit();
    one.publish(event("review-1", ["from-one"]));
    two.publish(event("review-1", ["from-two"]));
    await waitFor(() => onOne.length === 2 && onTwo.length === 2);
    await new Promise((r) => setTimeout(r, 100)); // nothing more arrives
    expect(onOne.sort()).toEqual(["from-one", "from-two"]);
    expect(onTwo.sort()).toEqual(["from-one", "from-two"]);
  });
});

/** Reads the stream until `until` matches what was read, or the stream ends. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp, sofar = { text: "" }) {
  const decoder = new TextDecoder();
  while (!until.test(sofar.text)) {
    const { value, done } = await reader.read();
    if (done) return { ...sofar, done: true };
    sofar.text += decoder.decode(value);
  }
  return { ...sofar, done: false };
}

describe("the event stream", () => {
  it("sends ready, then an event with ids and no content for each change, and heartbeats", async () => {
    const fx = await buildSession("GROUP");
    const abort = new AbortController();
    const reader = (await streamReviewEvents(fx.actors.observer, fx.reviewId, abort.signal, { heartbeatMs: 50 })).getReader();
    const ready = await readUntil(reader, /event: ready\n/);
    expect(ready.text).toBe(`retry: 3000\n\nevent: ready\ndata: {"reviewId":"${fx.reviewId}"}\n\n`);
    const promoted = await promoteTimelineEntry(fx.actors.responder, fx.reviewId, { promoteEntryId: fx.entries.a1.id });
    const added = await addSharedEntry(fx.actors.facilitator, fx.reviewId, { occurredAt: new Date(), timezone: "UTC", description: `Secret ${fx.markers.b}`, kind: "ACTION" });
    const read = await readUntil(reader, new RegExp(`${added.id}[\\s\\S]*: heartbeat`));
    expect(read.text).toContain(`event: timeline.changed\ndata: {"ids":["${promoted.id}"],"at":"`);
    expect(read.text).toContain(`event: timeline.changed\ndata: {"ids":["${added.id}"],"at":"`);
    expect(read.text).not.toContain(fx.markers.a);
    expect(read.text).not.toContain(fx.markers.b);
    expect(reviewEvents().subscribers(fx.reviewId)).toBe(1);
    abort.abort();
    expect((await reader.read()).done).toBe(true);
    expect(reviewEvents().subscribers(fx.reviewId)).toBe(0);
  });

  it("ends with `event: closed` within a heartbeat when the reader is removed from the review", async () => {
    const fx = await buildSession("GROUP");
    const reader = (await streamReviewEvents(fx.secondActor, fx.reviewId, new AbortController().signal, { heartbeatMs: 50 })).getReader();
    await readUntil(reader, /event: ready\n/);
    await db().reviewParticipant.deleteMany({ where: { reviewId: fx.reviewId, userId: fx.second.id } });
    const end = await readUntil(reader, /event: closed\n/);
    expect(end.text).toContain("event: closed\ndata: ");
    expect((await reader.read()).done).toBe(true);
    expect(reviewEvents().subscribers(fx.reviewId)).toBe(0);
  });

  it("stops and unsubscribes when the client cancels, and is refused like other reads", async () => {
    const fx = await buildSession("GROUP");
    const stream = await streamReviewEvents(fx.actors.admin, fx.reviewId, new AbortController().signal);
    expect(reviewEvents().subscribers(fx.reviewId)).toBe(1);
    await stream.cancel();
    expect(reviewEvents().subscribers(fx.reviewId)).toBe(0);
    await expect(streamReviewEvents(fx.actors.teamMember, fx.reviewId, new AbortController().signal)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const early = await buildSession("INDEPENDENT");
    await expect(streamReviewEvents(early.actors.responder, early.reviewId, new AbortController().signal)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
