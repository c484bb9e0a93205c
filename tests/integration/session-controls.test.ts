/**
 * The facilitator's controls against a real database: the agenda (the method's steps and one
 * item per divergence), the current step, the timer, prepared questions (also before the reveal)
 * and the parking lot — audited, announced, and refused where the rules say.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { addSessionItem, addSessionItemSchema } from "../../lib/session/add-session-item";
import { AGENDA_STEPS } from "../../lib/session/agenda";
import { deleteSessionItem } from "../../lib/session/delete-session-item";
import { getSession } from "../../lib/session/get-session";
import { updateSession, updateSessionSchema } from "../../lib/session/update-session";
import { updateSessionItem } from "../../lib/session/update-session-item";
import { auditOf, buildSession, collectEvents } from "./session-fixtures";

describe("the agenda, step and timer", () => {
  it("follows the method's steps, with one item per divergence", async () => {
    const fx = await buildSession("GROUP");
    const session = await getSession(fx.actors.responder, fx.reviewId);
    expect(session.agenda.map((s) => s.title)).toEqual([
      "Review each person's analysis",
      "Build a shared understanding",
      "Explore where perspectives differ",
      "Discuss contributing factors, knowledge gaps and operational surprises",
      "Pick the most valuable learnings",
      "Blend it all into one narrative",
    ]);
    const divergences = session.agenda.find((s) => s.id === "divergences")!.items;
    expect(divergences.map((i) => [i.divergenceKind, i.entryIds])).toEqual([
      ["DESCRIBED_DIFFERENTLY", [fx.entries.a1.id, fx.entries.b1.id]],
      ["GAP", [fx.entries.a2.id, fx.entries.b2.id]],
    ]);
    expect(session).toMatchObject({ started: true, currentStep: null, timer: null, questions: [], parkingLot: [] });
    expect(session.abilities).toEqual({ read: true, contribute: true, comment: true, facilitate: false, prepareQuestions: false });
  });

  it("lets the facilitator move to a step or divergence and run a timer — audited and announced", async () => {
    const fx = await buildSession("GROUP");
    const now = new Date();
    const live = collectEvents(fx.reviewId);
    const onStep = await updateSession(fx.actors.facilitator, fx.reviewId, { step: "accounts", timerMinutes: 10 }, now);
    expect(onStep.currentStep).toBe("accounts");
    expect(onStep.timer).toEqual({ endsAt: new Date(now.getTime() + 600_000), remainingSeconds: 600 });
    const item = onStep.agenda.find((s) => s.id === "divergences")!.items[0]!.id;
    const onItem = await updateSession(fx.actors.admin, fx.reviewId, { step: item, timerMinutes: null }, now);
    expect(onItem).toMatchObject({ currentStep: item, timer: null });
    live.stop();
    expect((await getSession(fx.actors.observer, fx.reviewId, new Date(now.getTime() + 700_000))).currentStep).toBe(item);
    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.data])).toEqual([
      ["session.step_changed", { from: null, to: "accounts" }],
      ["session.timer_changed", { endsAt: new Date(now.getTime() + 600_000).toISOString() }],
      ["session.step_changed", { from: "accounts", to: item }],
      ["session.timer_changed", { endsAt: null }],
    ]);
    expect(live.types()).toEqual(["session.changed", "session.changed"]);
  });

  it("refuses steps that are not on the agenda and timers out of range, changing nothing", async () => {
    const fx = await buildSession("GROUP");
    for (const step of ["root-cause", "divergence:made-up", ""]) {
      const parsed = updateSessionSchema.safeParse({ step });
      if (!parsed.success) continue;
      await expect(updateSession(fx.actors.facilitator, fx.reviewId, parsed.data)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { step: expect.any(Array) } });
    }
    for (const timerMinutes of [0, 241, 2.5, "10"]) expect(updateSessionSchema.safeParse({ timerMinutes }).success, String(timerMinutes)).toBe(false);
    expect(updateSessionSchema.safeParse({}).success).toBe(false);
    expect(await db().review.findUniqueOrThrow({ where: { id: fx.reviewId } })).toMatchObject({ sessionStep: null, sessionTimerEndsAt: null });
    expect(AGENDA_STEPS.map((s) => s.id)).not.toContain("root-cause");
  });
});

describe("prepared questions and the parking lot", () => {
  it("lets the facilitator prepare questions before the reveal, seen by nobody else until the session", async () => {
    const fx = await buildSession("INDEPENDENT");
    const q = await addSessionItem(fx.actors.facilitator, fx.reviewId, { kind: "QUESTION", text: "What did you expect the health check to tell you?" });
    const prep = await getSession(fx.actors.facilitator, fx.reviewId);
    expect(prep).toMatchObject({ started: false, currentStep: null, timer: null, parkingLot: [], questions: [expect.objectContaining({ id: q.id, mine: true, done: false })] });
    expect(prep.agenda.every((s) => s.items.length === 0)).toBe(true);
    expect(JSON.stringify(prep)).not.toContain(fx.markers.a);
    await expect(getSession(fx.actors.responder, fx.reviewId)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addSessionItem(fx.actors.facilitator, fx.reviewId, { kind: "PARKING_LOT", text: "Too early" })).rejects.toMatchObject({ code: "CONFLICT" });
    await db().review.update({ where: { id: fx.reviewId }, data: { phase: "GROUP" } });
    expect((await getSession(fx.actors.responder, fx.reviewId)).questions.map((i) => [i.text, i.mine])).toEqual([["What did you expect the health check to tell you?", false]]);
  });

  it("adds, marks done, rewords and deletes items — audited and announced — with the parking lot open to participants", async () => {
    const fx = await buildSession("GROUP");
    const live = collectEvents(fx.reviewId);
    const topic = await addSessionItem(fx.actors.responder, fx.reviewId, { kind: "PARKING_LOT", text: "Audit alert routing" });
    expect(await updateSessionItem(fx.actors.responder, fx.reviewId, topic.id, { text: "Audit all alert routing" })).toMatchObject({ text: "Audit all alert routing", mine: true });
    await expect(updateSessionItem(fx.secondActor, fx.reviewId, topic.id, { done: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addSessionItem(fx.actors.responder, fx.reviewId, { kind: "QUESTION", text: "Mine?" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addSessionItem(fx.actors.observer, fx.reviewId, { kind: "PARKING_LOT", text: "Me too" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await updateSessionItem(fx.actors.facilitator, fx.reviewId, topic.id, { done: true })).toMatchObject({ done: true, mine: false });
    await deleteSessionItem(fx.actors.facilitator, fx.reviewId, topic.id);
    live.stop();
    expect(await db().sessionItem.count({ where: { reviewId: fx.reviewId } })).toBe(0);
    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.data])).toEqual([
      ["session.item_added", { kind: "PARKING_LOT" }],
      ["session.item_updated", { kind: "PARKING_LOT", fields: ["text"] }],
      ["session.item_updated", { kind: "PARKING_LOT", fields: ["done"] }],
      ["session.item_deleted", { kind: "PARKING_LOT" }],
    ]);
    expect(live.types()).toEqual(["session.changed", "session.changed", "session.changed", "session.changed"]);
    await expect(deleteSessionItem(fx.actors.facilitator, fx.reviewId, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(paths(addSessionItemSchema.safeParse({ kind: "TODO", text: "x".repeat(501) }))).toEqual(["kind", "text"]);
  });

  it("keeps items of another review out of reach", async () => {
    const fx = await buildSession("GROUP");
    const other = await buildSession("GROUP");
    const theirs = await addSessionItem(other.actors.facilitator, other.reviewId, { kind: "QUESTION", text: "Theirs" });
    await expect(updateSessionItem(fx.actors.facilitator, fx.reviewId, theirs.id, { done: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteSessionItem(fx.actors.facilitator, fx.reviewId, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().sessionItem.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ done: false });
  });
});
