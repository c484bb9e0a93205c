/**
 * Who may read and change the group session, proven as a matrix: every role × every read and
 * write path in lib × every phase (and, once published, every visibility). Each outcome is
 * success, 403, 404 or 409 exactly as lib/policies/session.ts says. Every read's output (errors
 * included) is also searched for the personal entries' markers: before the reveal nothing of the
 * session is available; afterwards personal entries reach participants and admins only; a
 * removed responder's unrevealed account never appears.
 */
import { describe, expect, it } from "vitest";
import { addComment } from "../../lib/comments/add-comment";
import { deleteComment } from "../../lib/comments/delete-comment";
import { listComments } from "../../lib/comments/list-comments";
import { db } from "../../lib/db/client";
import { streamReviewEvents } from "../../lib/events/stream-review-events";
import { isAppError } from "../../lib/errors";
import { createFinding } from "../../lib/findings/create-finding";
import { deleteFinding } from "../../lib/findings/delete-finding";
import { listFindings } from "../../lib/findings/list-findings";
import { updateFinding } from "../../lib/findings/update-finding";
import type { Actor, ReviewPhase, ReviewVisibility } from "../../lib/policies/types";
import { addSessionItem } from "../../lib/session/add-session-item";
import { getSession } from "../../lib/session/get-session";
import { updateSession } from "../../lib/session/update-session";
import { updateSessionItem } from "../../lib/session/update-session-item";
import { addSharedEntry } from "../../lib/timeline/add-shared-entry";
import { deleteSharedEntry } from "../../lib/timeline/delete-shared-entry";
import { listTimeline } from "../../lib/timeline/list-timeline";
import { mergeSharedEntries } from "../../lib/timeline/merge-shared-entries";
import { promoteTimelineEntry } from "../../lib/timeline/promote-timeline-entry";
import { updateSharedEntry } from "../../lib/timeline/update-shared-entry";
import { buildFinding, buildPersonalEntry, buildSharedEntry, uid } from "../support/factories";
import { buildSession, type SessionFixture } from "./session-fixtures";

type Role = "admin" | "facilitator" | "responder" | "observer" | "teamMember" | "pm" | "outsider";
const ROLES: Role[] = ["admin", "facilitator", "responder", "observer", "teamMember", "pm", "outsider"];
type Outcome = "ok" | 403 | 404 | 409;
type Need = "read" | "contribute" | "comment" | "facilitate" | "questions" | "manageQuestion" | "session";

const SCENARIOS: [ReviewPhase, ReviewVisibility][] = [
  ["PREPARING", "ORGANISATION"],
  ["INDEPENDENT", "ORGANISATION"],
  ["GROUP", "ORGANISATION"],
  ["ACTION_PLANNING", "ORGANISATION"],
  ["PUBLISHED", "ORGANISATION"],
  ["PUBLISHED", "TEAM"],
  ["PUBLISHED", "PARTICIPANTS"],
];

const inRoom = (r: Role) => r === "admin" || r === "facilitator" || r === "responder" || r === "observer";
const beforeReveal = (p: ReviewPhase) => p === "PREPARING" || p === "INDEPENDENT";

/** The rules of lib/policies/session.ts, written out independently. */
function expected(need: Need, role: Role, phase: ReviewPhase, visibility: ReviewVisibility): Outcome {
  const runs = role === "admin" || role === "facilitator";
  let read: Outcome;
  if (beforeReveal(phase)) read = inRoom(role) ? 409 : 404;
  else if (phase !== "PUBLISHED" || inRoom(role)) read = inRoom(role) ? "ok" : 404;
  else if (visibility === "ORGANISATION") read = "ok";
  else if (visibility === "TEAM") read = role === "teamMember" || role === "pm" ? "ok" : 404;
  else read = 404;
  if (need === "session" && beforeReveal(phase) && runs) return "ok"; // the facilitator's preparation view
  if (need === "read" || need === "session") return read;
  // Before the reveal a prepared question is seen only by those who prepare it: others must see it before changing it.
  if (need === "manageQuestion" && beforeReveal(phase) && !runs) return read;
  if (need === "questions" || need === "manageQuestion") {
    if (beforeReveal(phase) || phase === "GROUP") return runs ? "ok" : inRoom(role) ? 403 : 404;
    return read === 404 ? 404 : 409;
  }
  if (read !== "ok") return read;
  if (phase !== "GROUP") return 409;
  const allowed = need === "facilitate" ? runs : role !== "observer";
  return allowed ? "ok" : 403;
}

type Op = { name: string; need: Need; run: (actor: Actor, fx: SessionFixture) => Promise<unknown> };

const ago = (min: number) => new Date(Date.now() - min * 60_000);
const OPS: Op[] = [
  { name: "listTimeline", need: "read", run: (a, fx) => listTimeline(a, fx.reviewId) },
  { name: "listFindings", need: "read", run: (a, fx) => listFindings(a, fx.reviewId) },
  { name: "listComments", need: "read", run: (a, fx) => listComments(a, fx.reviewId) },
  { name: "getSession", need: "session", run: (a, fx) => getSession(a, fx.reviewId) },
  {
    name: "streamReviewEvents",
    need: "read",
    run: async (a, fx) => {
      const abort = new AbortController();
      const stream = await streamReviewEvents(a, fx.reviewId, abort.signal);
      const first = await stream.getReader().read();
      abort.abort();
      return new TextDecoder().decode(first.value);
    },
  },
  {
    name: "addSharedEntry",
    need: "contribute",
    run: (a, fx) => addSharedEntry(a, fx.reviewId, { occurredAt: ago(30), timezone: "UTC", description: "Added in the session", kind: "DECISION" }),
  },
  {
    name: "promoteTimelineEntry",
    need: "contribute",
    run: async (a, fx) => {
      const fresh = await buildPersonalEntry({ reviewId: fx.reviewId, accountId: fx.accounts.a.id, authorId: fx.accounts.a.authorId, base: fx.base, minutes: 20, description: "To promote" });
      return promoteTimelineEntry(a, fx.reviewId, { promoteEntryId: fresh.id });
    },
  },
  { name: "updateSharedEntry", need: "contribute", run: async (a, fx) => updateSharedEntry(a, fx.reviewId, (await buildSharedEntry({ reviewId: fx.reviewId })).id, { keyMoment: "REPAIR" }) },
  { name: "deleteSharedEntry", need: "contribute", run: async (a, fx) => deleteSharedEntry(a, fx.reviewId, (await buildSharedEntry({ reviewId: fx.reviewId })).id) },
  {
    name: "mergeSharedEntries",
    need: "contribute",
    run: async (a, fx) => {
      const [x, y] = [await buildSharedEntry({ reviewId: fx.reviewId }), await buildSharedEntry({ reviewId: fx.reviewId })];
      return mergeSharedEntries(a, fx.reviewId, { entryIds: [x.id, y.id] });
    },
  },
  { name: "createFinding", need: "contribute", run: (a, fx) => createFinding(a, fx.reviewId, { category: "KNOWLEDGE_GAP", title: "A gap", description: "", evidenceEntryIds: [] }) },
  { name: "updateFinding", need: "contribute", run: async (a, fx) => updateFinding(a, fx.reviewId, (await buildFinding({ reviewId: fx.reviewId })).id, { title: `Renamed ${uid()}` }) },
  { name: "deleteFinding", need: "contribute", run: async (a, fx) => deleteFinding(a, fx.reviewId, (await buildFinding({ reviewId: fx.reviewId })).id) },
  { name: "addParkingLot", need: "contribute", run: (a, fx) => addSessionItem(a, fx.reviewId, { kind: "PARKING_LOT", text: "Follow up" }) },
  {
    name: "updateOwnParkingLot",
    need: "contribute",
    run: async (a, fx) => {
      const item = await db().sessionItem.create({ data: { reviewId: fx.reviewId, kind: "PARKING_LOT", text: "Mine", createdById: a.id } });
      return updateSessionItem(a, fx.reviewId, item.id, { done: true });
    },
  },
  {
    name: "addComment",
    need: "comment",
    run: async (a, fx) => addComment(a, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: (await buildSharedEntry({ reviewId: fx.reviewId })).id, body: "A comment" }),
  },
  {
    name: "deleteOwnComment",
    need: "comment",
    run: async (a, fx) => {
      const target = await buildSharedEntry({ reviewId: fx.reviewId });
      const comment = await db().comment.create({ data: { reviewId: fx.reviewId, targetType: "TIMELINE_ENTRY", targetId: target.id, authorId: a.id, body: "Mine" } });
      return deleteComment(a, fx.reviewId, comment.id);
    },
  },
  { name: "updateSession", need: "facilitate", run: (a, fx) => updateSession(a, fx.reviewId, { step: "divergences", timerMinutes: 5 }) },
  { name: "addQuestion", need: "questions", run: (a, fx) => addSessionItem(a, fx.reviewId, { kind: "QUESTION", text: "What surprised you?" }) },
  {
    name: "markQuestionAsked",
    need: "manageQuestion",
    run: async (a, fx) => {
      const item = await db().sessionItem.create({ data: { reviewId: fx.reviewId, kind: "QUESTION", text: "Prepared", createdById: fx.users.facilitator.id } });
      return updateSessionItem(a, fx.reviewId, item.id, { done: true });
    },
  },
];

async function attempt(run: () => Promise<unknown>): Promise<{ outcome: Outcome; output: string }> {
  try {
    return { outcome: "ok", output: JSON.stringify(await run()) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { outcome: e.status as Outcome, output: `error:${e.message}:${JSON.stringify(e.details ?? null)}` };
  }
}

describe.each(SCENARIOS)("a review in %s, visible to %s", (phase, visibility) => {
  it("answers every role on every path as the rules say, and shows personal entries only where they may be read", async () => {
    const fx = await buildSession(phase, { visibility });
    const actors: Record<Role, Actor> = { ...fx.actors };
    const failures: string[] = [];
    for (const role of ROLES) {
      const seen: string[] = [];
      for (const op of OPS) {
        const { outcome, output } = await attempt(() => op.run(actors[role], fx));
        const want = expected(op.need, role, phase, visibility);
        if (outcome !== want) failures.push(`${role} ${op.name}: got ${outcome}, expected ${want}`);
        if (op.need === "read" || op.need === "session") seen.push(output);
      }
      const all = seen.join("\n");
      const mayReadPersonal = !beforeReveal(phase) && inRoom(role);
      expect(all.includes(fx.markers.a), `${role} sees responder A's entries in ${phase}`).toBe(mayReadPersonal);
      expect(all.includes(fx.markers.b), `${role} sees responder B's entries in ${phase}`).toBe(mayReadPersonal);
      expect(all, `${role} never sees the unrevealed account`).not.toContain(fx.markers.removed);
    }
    expect(failures).toEqual([]);
  });
});

describe("the session of another review", () => {
  it("is 404 for a participant of this one, on every path", async () => {
    const one = await buildSession("GROUP");
    const two = await buildSession("GROUP");
    for (const op of OPS) {
      const { outcome, output } = await attempt(() => op.run(one.actors.responder, two));
      expect(outcome, op.name).toBe(404);
      expect(output).not.toContain(two.markers.a);
    }
  });
});
