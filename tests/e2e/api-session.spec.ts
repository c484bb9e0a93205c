/**
 * REST API v1, the group session, against the real server: the merged timeline with divergences,
 * building the shared timeline (promote, add, edit, key moments, merge, delete), the findings
 * board, comments with @mentions that notify, the facilitator's controls, who may do what in each
 * phase, bad input refused with nothing stored, and the live event stream read with fetch.
 * Every test makes its own review; the demo review is only read.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { baseUrlOf, createToken, expectError, expectJson } from "./support/api-client";
import { api, NAMES, reveal, signInEveryone, startIndependentReview, type People } from "./support/accounts-api";
import { readUntil } from "./support/event-stream";

let people: People;
let baseURL: string;

test.beforeAll(async ({ playwright }, testInfo) => {
  baseURL = baseUrlOf(testInfo);
  people = await signInEveryone(playwright, baseURL);
});

test.afterAll(async () => {
  await people?.dispose();
});

type Entry = { id: string; occurredAt: string; description: string; kind: string; keyMoment: string | null; sourceEntryIds: string[]; findingIds: string[]; commentCount: number };
type Timeline = {
  merged: { entries: { id: string; description: string; author: { name: string }; divergenceIds: string[]; promotedTo: string[] }[]; divergences: { id: string; kind: string; entryIds: string[]; summary: string }[] };
  shared: Entry[];
  abilities: Record<string, boolean>;
};
type Finding = { id: string; category: string; title: string; evidenceEntryIds: string[]; hints: { phrase: string }[] };
type Board = { categories: { category: string; label: string; findings: Finding[] }[] };
type Session = { agenda: { id: string; items: { id: string }[] }[]; currentStep: string | null; timer: { endsAt: string; remainingSeconds: number } | null; questions: { id: string; done: boolean }[]; parkingLot: { id: string }[] };

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const path = (reviewId: string, rest = "") => `/api/v1/reviews/${reviewId}${rest}`;

/** A review with two responders whose timelines diverge at one moment and leave a long gap, revealed. */
async function revealedReview() {
  const { session } = people;
  const review = await startIndependentReview(session.facilitator);
  const add = (c: APIRequestContext, minutes: number, description: string, kind = "OBSERVATION") => api.addEntry(c, review.id, { occurredAt: minutesAgo(minutes), description, kind });
  const r1a = await expectJson<{ id: string }>(await add(session.responder1, 300, "Checkout dashboard showed 40% errors"), 201);
  const r2a = await expectJson<{ id: string }>(await add(session.responder2, 298, "Dashboards looked normal, only latency was up"), 201);
  const r1b = await expectJson<{ id: string }>(await add(session.responder1, 290, "Rolled back checkout-api", "ACTION"), 201);
  const r2b = await expectJson<{ id: string }>(await add(session.responder2, 210, "Closed the incident channel", "ACTION"), 201);
  await reveal(session.facilitator, review.id);
  return { review, personal: { r1a, r2a, r1b, r2b } };
}

test("the merged timeline shows every account's entries with their divergences, and the group builds the shared timeline", async () => {
  const { session, token } = people;
  const { review, personal } = await revealedReview();
  const view = await expectJson<Timeline>(await token.observer.get(path(review.id, "/timeline")), 200);
  expect(view.merged.entries.map((e) => [e.id, e.author.name])).toEqual([
    [personal.r1a.id, NAMES.responder1],
    [personal.r2a.id, NAMES.responder2],
    [personal.r1b.id, NAMES.responder1],
    [personal.r2b.id, NAMES.responder2],
  ]);
  expect(view.merged.divergences.map((d) => d.kind)).toEqual(["DESCRIBED_DIFFERENTLY", "GAP"]);
  expect(view.merged.divergences[0]!.summary).toMatch(/^Riley Responder and Sam Responder describe \d\d:\d\d differently$/);
  expect(view.abilities).toMatchObject({ read: true, contribute: false });

  const promoted = await expectJson<Entry>(await token.responder1.post(path(review.id, "/timeline"), { data: { promoteEntryId: personal.r1a.id, keyMoment: "DETECTION" } }), 201);
  expect(promoted).toMatchObject({ description: "Checkout dashboard showed 40% errors", keyMoment: "DETECTION", sourceEntryIds: [personal.r1a.id] });
  const again = await expectError(await token.responder2.post(path(review.id, "/timeline"), { data: { promoteEntryId: personal.r1a.id } }), 409, "CONFLICT");
  expect(again.message).toContain("already");
  const added = await expectJson<Entry>(
    await session.facilitator.post(path(review.id, "/timeline"), {
      data: { occurredAt: minutesAgo(299), description: "Errors reached 40% on checkout", kind: "OBSERVATION", sourceEntryIds: [personal.r2a.id], evidenceUrl: "https://grafana.example.com/d/x" },
    }),
    201,
  );
  const edited = await expectJson<Entry>(await token.responder2.patch(path(review.id, `/timeline/${added.id}`), { data: { keyMoment: "DIAGNOSIS", evidenceUrl: null } }), 200);
  expect(edited).toMatchObject({ keyMoment: "DIAGNOSIS", description: "Errors reached 40% on checkout" });
  const merged = await expectJson<{ entry: Entry; mergedEntryIds: string[] }>(
    await token.facilitator.post(path(review.id, "/timeline/merge"), { data: { entryIds: [added.id, promoted.id], description: "Checkout errors at 40%" } }),
    200,
  );
  expect(merged.mergedEntryIds).toEqual([added.id]);
  expect(merged.entry).toMatchObject({ id: promoted.id, description: "Checkout errors at 40%", keyMoment: "DETECTION" });
  expect(merged.entry.sourceEntryIds.sort()).toEqual([personal.r1a.id, personal.r2a.id].sort());

  const after = await expectJson<Timeline>(await token.admin.get(path(review.id, "/timeline")), 200);
  expect(after.shared.map((e) => e.id)).toEqual([promoted.id]);
  expect(after.merged.entries.find((e) => e.id === personal.r2a.id)!.promotedTo).toEqual([promoted.id]);
  expect((await token.facilitator.delete(path(review.id, `/timeline/${promoted.id}`))).status()).toBe(204);
  expect((await expectJson<Timeline>(await token.facilitator.get(path(review.id, "/timeline")), 200)).shared).toEqual([]);
});

test("findings, comments with mentions and the facilitator's controls work through the API", async () => {
  const { token, session } = people;
  const { review, personal } = await revealedReview();
  const entry = await expectJson<Entry>(await token.facilitator.post(path(review.id, "/timeline"), { data: { promoteEntryId: personal.r2a.id } }), 201);

  const finding = await expectJson<Finding>(
    await token.responder1.post(path(review.id, "/findings"), { data: { category: "KNOWLEDGE_GAP", title: "Nobody knew the latency panel lied", description: "I should have checked the raw logs.", evidenceEntryIds: [entry.id] } }),
    201,
  );
  expect(finding.hints.map((h) => h.phrase)).toEqual(["should have"]);
  const board = await expectJson<Board>(await token.observer.get(path(review.id, "/findings")), 200);
  expect(board.categories.map((c) => c.category)).toEqual(["CONTRIBUTING_TECHNICAL", "CONTRIBUTING_HUMAN", "KNOWLEDGE_GAP", "OPERATIONAL_SURPRISE", "WENT_WELL"]);
  expect(board.categories[2]!.findings.map((f) => f.id)).toEqual([finding.id]);
  const moved = await expectJson<Finding>(await token.responder2.patch(path(review.id, `/findings/${finding.id}`), { data: { category: "OPERATIONAL_SURPRISE", unlink: [entry.id] } }), 200);
  expect(moved).toMatchObject({ category: "OPERATIONAL_SURPRISE", evidenceEntryIds: [] });

  const comment = await expectJson<{ id: string; mentionedUserIds: string[] }>(
    await session.facilitator.post(path(review.id, "/comments"), { data: { targetType: "FINDING", targetId: finding.id, body: "@responder2@example.com did you see this too?" } }),
    201,
  );
  expect(comment.mentionedUserIds).toEqual([review.userId.responder2]);
  await expectJson(await token.responder2.post(path(review.id, "/comments"), { data: { targetType: "FINDING", targetId: finding.id, parentId: comment.id, body: "Yes, @Fran Facilitator." } }), 201);
  const thread = await expectJson<{ comments: { parentId: string | null; author: { name: string } }[] }>(
    await token.observer.get(path(review.id, `/comments?targetType=FINDING&targetId=${finding.id}`)),
    200,
  );
  expect(thread.comments.map((c) => [c.parentId, c.author.name])).toEqual([
    [null, NAMES.facilitator],
    [comment.id, NAMES.responder2],
  ]);
  const notices = await expectJson<{ items: { type: string; title: string; body: string; url: string }[] }>(await token.responder2.get("/api/v1/me/notifications?limit=100"), 200);
  expect(notices.items.filter((n) => n.type === "comment.mention" && n.url.includes(review.id))).toEqual([
    expect.objectContaining({ title: `${NAMES.facilitator} mentioned you in “${review.title}”`, body: expect.stringContaining("On the finding “Nobody knew the latency panel lied”"), url: `/reviews/${review.id}/session#comment-${comment.id}` }),
  ]);

  const initial = await expectJson<Session>(await token.responder1.get(path(review.id, "/session")), 200);
  const divergence = initial.agenda.find((s) => s.id === "divergences")!.items[0]!.id;
  const running = await expectJson<Session>(await token.facilitator.patch(path(review.id, "/session"), { data: { step: divergence, timerMinutes: 15 } }), 200);
  expect(running.currentStep).toBe(divergence);
  expect(running.timer!.remainingSeconds).toBeGreaterThan(14 * 60);
  await expectError(await token.responder1.patch(path(review.id, "/session"), { data: { step: "accounts" } }), 403, "FORBIDDEN");
  const question = await expectJson<{ id: string }>(await token.facilitator.post(path(review.id, "/session/items"), { data: { kind: "QUESTION", text: "What did the latency panel show you?" } }), 201);
  const topic = await expectJson<{ id: string }>(await token.responder2.post(path(review.id, "/session/items"), { data: { kind: "PARKING_LOT", text: "Latency panel ownership" } }), 201);
  expect(await expectJson<{ done: boolean }>(await token.facilitator.patch(path(review.id, `/session/items/${question.id}`), { data: { done: true } }), 200)).toMatchObject({ done: true });
  expect((await token.responder2.delete(path(review.id, `/session/items/${topic.id}`))).status()).toBe(204);
  const now = await expectJson<Session>(await token.observer.get(path(review.id, "/session")), 200);
  expect(now).toMatchObject({ currentStep: divergence, questions: [{ id: question.id, done: true }], parkingLot: [] });
  expect((await token.facilitator.delete(path(review.id, `/findings/${finding.id}`))).status()).toBe(204);
});

test("who may do what: observers read, outsiders get 404, nothing before the reveal, read-only after the session", async () => {
  const { token, session } = people;
  const early = await startIndependentReview(session.facilitator);
  for (const rest of ["/timeline", "/findings", "/comments", "/events"]) await expectError(await token.responder1.get(path(early.id, rest)), 409, "CONFLICT");
  await expectError(await token.pm.get(path(early.id, "/timeline")), 404, "NOT_FOUND");
  expect((await expectJson<{ started: boolean }>(await token.facilitator.get(path(early.id, "/session")), 200)).started).toBe(false);

  const { review, personal } = await revealedReview();
  const write = (c: APIRequestContext) => c.post(path(review.id, "/findings"), { data: { category: "WENT_WELL", title: "Rollback was quick" } });
  await expectError(await write(token.observer), 403, "FORBIDDEN");
  await expectError(await token.observer.post(path(review.id, "/timeline"), { data: { promoteEntryId: personal.r1a.id } }), 403, "FORBIDDEN");
  for (const rest of ["/timeline", "/findings", "/session", "/comments"]) await expectError(await token.pm.get(path(review.id, rest)), 404, "NOT_FOUND");
  await expectError(await write(token.pm), 404, "NOT_FOUND");
  await expectJson(await write(token.responder1), 201);

  await expectJson(await token.facilitator.post(path(review.id, "/phase"), { data: { to: "ACTION_PLANNING" } }), 200);
  expect((await expectJson<Board>(await token.observer.get(path(review.id, "/findings")), 200)).categories[4]!.findings).toHaveLength(1);
  await expectError(await write(token.facilitator), 409, "CONFLICT");
  await expectError(await token.facilitator.patch(path(review.id, "/session"), { data: { timerMinutes: 5 } }), 409, "CONFLICT");
});

test("bad input is refused with a clear message and nothing is stored", async () => {
  const { token } = people;
  const { review, personal } = await revealedReview();
  const other = await revealedReview();
  const post = (data: unknown) => token.facilitator.post(path(review.id, "/timeline"), { data });
  const fieldsOf = async (res: Awaited<ReturnType<typeof post>>) => Object.keys((await expectError(res, 400, "VALIDATION_FAILED")).fields ?? {});
  const good = { occurredAt: minutesAgo(5), description: "Paged", kind: "ALERT" };
  expect(await fieldsOf(await post({ ...good, occurredAt: "2026-13-45T99:00:00Z" }))).toEqual(["occurredAt"]);
  expect(await fieldsOf(await post({ ...good, occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }))).toEqual(["occurredAt"]);
  expect(await fieldsOf(await post({ ...good, evidenceUrl: "javascript:alert(document.cookie)" }))).toEqual(["evidenceUrl"]);
  expect(await fieldsOf(await post({ ...good, description: "x".repeat(2001) }))).toEqual(["description"]);
  expect(await fieldsOf(await post({ ...good, sourceEntryIds: [other.personal.r1a.id] }))).toEqual(["sourceEntryIds"]);
  expect(await fieldsOf(await token.facilitator.post(path(review.id, "/findings"), { data: { category: "ROOT_CAUSE", title: "y".repeat(201) } }))).toEqual(["category", "title"]);
  expect(await fieldsOf(await token.facilitator.post(path(review.id, "/comments"), { data: { targetType: "FINDING", targetId: "x", body: "z".repeat(4001) } }))).toEqual(["body"]);
  expect(await fieldsOf(await token.facilitator.post(path(review.id, "/timeline/merge"), { data: { entryIds: [personal.r1a.id] } }))).toEqual(["entryIds"]);
  await expectError(await post({ promoteEntryId: other.personal.r1a.id }), 404, "NOT_FOUND");
  await expectError(await token.facilitator.patch(path(review.id, `/timeline/${personal.r1a.id}`), { data: { description: "rewritten" } }), 404, "NOT_FOUND");
  await expectError(await token.facilitator.delete(path(review.id, "/findings/nope")), 404, "NOT_FOUND");
  const bad = await token.facilitator.post(path(review.id, "/timeline"), { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  await expectError(bad, 400, "BAD_REQUEST");
  const view = await expectJson<Timeline>(await token.facilitator.get(path(review.id, "/timeline")), 200);
  expect(view.shared).toEqual([]);
  expect(view.merged.entries.find((e) => e.id === personal.r1a.id)!.description).toBe("Checkout dashboard showed 40% errors");
  expect((await expectJson<Board>(await token.facilitator.get(path(review.id, "/findings")), 200)).categories.flatMap((c) => c.findings)).toEqual([]);
});

/** Reads an event stream until `until` matches what was read so far. */
test("the event stream tells followers what changed (ids, never content), with heartbeats, and ends when they leave", async () => {
  test.setTimeout(90_000);
  const { token, session } = people;
  const { review, personal } = await revealedReview();
  const { token: secret } = await createToken(session.observer, baseURL, `e2e events ${Date.now()}`);
  const abort = new AbortController();
  const res = await fetch(`${baseURL}${path(review.id, "/events")}`, { headers: { authorization: `Bearer ${secret}`, accept: "text/event-stream" }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  expect(res.headers.get("cache-control")).toContain("no-transform");
  const reader = res.body!.getReader();
  const state = { text: "" };
  await readUntil(reader, /event: ready\n/, state);

  const entry = await expectJson<Entry>(await token.responder1.post(path(review.id, "/timeline"), { data: { promoteEntryId: personal.r2a.id } }), 201);
  const finding = await expectJson<Finding>(await token.responder2.post(path(review.id, "/findings"), { data: { category: "WENT_WELL", title: "Secret-ish finding title", evidenceEntryIds: [entry.id] } }), 201);
  await expectJson(await token.facilitator.patch(path(review.id, "/session"), { data: { timerMinutes: 5 } }), 200);
  const comment = await expectJson<{ id: string }>(await token.facilitator.post(path(review.id, "/comments"), { data: { targetType: "FINDING", targetId: finding.id, body: "Comment words" } }), 201);
  const text = await readUntil(reader, new RegExp(`event: comments\\.changed\\ndata: \\{"ids":\\["${comment.id}"`), state);
  expect(text).toContain(`event: timeline.changed\ndata: {"ids":["${entry.id}"]`);
  expect(text).toContain(`event: findings.changed\ndata: {"ids":["${finding.id}"]`);
  expect(text).toContain(`event: session.changed\ndata: {"ids":["${review.id}"]`);
  for (const content of ["Dashboards looked normal", "Secret-ish", "Comment words"]) expect(text).not.toContain(content);

  await readUntil(reader, /: heartbeat\n/, state); // every 15 s, unbuffered
  abort.abort();
  await expect(reader.read()).rejects.toThrow();
  // Strangers cannot follow.
  const { token: pmSecret } = await createToken(session.pm, baseURL, `e2e events pm ${Date.now()}`);
  const refused = await fetch(`${baseURL}${path(review.id, "/events")}`, { headers: { authorization: `Bearer ${pmSecret}` } });
  expect(refused.status).toBe(404);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
});

test("the demo review is in a session with divergences, shared entries with key moments, findings and a comment thread", async () => {
  const { token } = people;
  const reviews = await expectJson<{ items: { id: string; title: string; phase: string }[] }>(await token.facilitator.get("/api/v1/reviews?filter=all&limit=100"), 200);
  const demo = reviews.items.find((r) => r.title === "Search results stale for six hours")!;
  expect(demo.phase).toBe("GROUP");
  const view = await expectJson<Timeline>(await token.facilitator.get(path(demo.id, "/timeline")), 200);
  expect(new Set(view.merged.divergences.map((d) => d.kind))).toEqual(new Set(["DESCRIBED_DIFFERENTLY", "SEEN_BY_ONE", "GAP"]));
  expect(view.shared.filter((e) => e.keyMoment).map((e) => e.keyMoment)).toEqual(expect.arrayContaining(["DETECTION", "DIAGNOSIS", "REPAIR"]));
  const board = await expectJson<Board>(await token.facilitator.get(path(demo.id, "/findings")), 200);
  expect(board.categories.filter((c) => c.findings.length).length).toBeGreaterThanOrEqual(3);
  const comments = await expectJson<{ comments: { parentId: string | null; mentionedUserIds: string[] }[] }>(await token.facilitator.get(path(demo.id, "/comments")), 200);
  expect(comments.comments.some((c) => c.parentId)).toBe(true);
  expect(comments.comments.some((c) => c.mentionedUserIds.length)).toBe(true);
  const sessionView = await expectJson<Session>(await token.facilitator.get(path(demo.id, "/session")), 200);
  expect(sessionView.questions.length).toBeGreaterThanOrEqual(2);
  expect(sessionView.parkingLot.length).toBeGreaterThanOrEqual(1);
});

test("the OpenAPI document describes the session's operations", async () => {
  const doc = await expectJson<{ paths: Record<string, Record<string, { operationId: string }>> }>(await people.token.observer.get("/api/v1/openapi.json"), 200);
  const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
  for (const id of ["listTimeline", "addSharedTimelineEntry", "updateSharedTimelineEntry", "deleteSharedTimelineEntry", "mergeSharedTimelineEntries", "listFindings", "createFinding", "updateFinding", "deleteFinding", "listComments", "addComment", "deleteComment", "getSession", "updateSession", "addSessionItem", "updateSessionItem", "deleteSessionItem", "streamReviewEvents"]) {
    expect(ops, id).toContain(id);
  }
});
