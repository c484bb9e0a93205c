import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { addParticipant } from "../../lib/reviews/add-participant";
import { createReview } from "../../lib/reviews/create-review";
import { getReview } from "../../lib/reviews/get-review";
import { moveReviewPhase } from "../../lib/reviews/move-review-phase";
import { removeParticipant } from "../../lib/reviews/remove-participant";
import { actorFor, buildCast, buildFinding, buildIncident, buildTeam, buildUser } from "../support/factories";
import { writeNarrative } from "./library-fixtures";

describe("creating a review", () => {
  it("starts in PREPARING with the facilitator, and writes an audit event in the same transaction", async () => {
    const member = await buildUser();
    const facilitator = await buildUser();
    const team = await buildTeam([{ userId: member.id }]);
    const incident = await buildIncident({ teamId: team.id });
    const actor = await actorFor(member.id);
    const review = await createReview(actor, { incidentId: incident.id, title: "Review of the outage", facilitatorEmail: facilitator.email, visibility: "TEAM" });
    const view = await getReview(actor, review.id);
    expect(view.phase).toBe("PREPARING");
    expect(view.visibility).toBe("TEAM");
    expect(view.participants).toEqual([expect.objectContaining({ userId: facilitator.id, role: "FACILITATOR" })]);
    const events = await db().auditEvent.findMany({ where: { reviewId: review.id } });
    expect(events).toEqual([expect.objectContaining({ type: "review.created", actorId: member.id, subjectId: review.id })]);
  });

  it("refuses an unknown facilitator with a field error and stores nothing", async () => {
    const member = await buildUser();
    const team = await buildTeam([{ userId: member.id }]);
    const incident = await buildIncident({ teamId: team.id });
    await expect(
      createReview(await actorFor(member.id), { incidentId: incident.id, title: "Review", facilitatorEmail: "nobody@nowhere.example", visibility: "ORGANISATION" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { facilitatorEmail: [expect.any(String)] } });
    expect(await db().review.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("answers 404 for an incident the actor may not see, and 403 for one they see but may not review", async () => {
    const outsider = await buildUser();
    const team = await buildTeam();
    const incident = await buildIncident({ teamId: team.id, createdById: outsider.id });
    const hidden = await buildIncident({ teamId: team.id });
    const actor = await actorFor(outsider.id);
    const input = { title: "Review", facilitatorEmail: outsider.email, visibility: "ORGANISATION" as const };
    await expect(createReview(actor, { ...input, incidentId: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createReview(actor, { ...input, incidentId: incident.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("moving a review through its phases", () => {
  it("walks PREPARING → PUBLISHED one step at a time, auditing each move", async () => {
    const { review, actors } = await buildCast("PREPARING");
    const steps = ["INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"] as const;
    for (const to of steps) {
      if (to === "PUBLISHED") {
        // Publication needs the publish checklist met (tests/integration/library-publish.test.ts).
        await writeNarrative(review.id, "What happened, in the group's words.");
        await buildFinding({ reviewId: review.id, title: "The runbook helped", category: "WENT_WELL" });
        await db().review.update({ where: { id: review.id }, data: { summary: "A summary.", sensitiveReviewedAt: new Date() } });
      }
      const moved = await moveReviewPhase(actors.facilitator, review.id, { to });
      expect(moved.phase).toBe(to);
    }
    const after = await db().review.findUniqueOrThrow({ where: { id: review.id } });
    expect(after.publishedAt).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { reviewId: review.id, type: "review.phase_changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { from: "PREPARING", to: "INDEPENDENT" },
      { from: "INDEPENDENT", to: "GROUP" },
      { from: "GROUP", to: "ACTION_PLANNING" },
      { from: "ACTION_PLANNING", to: "PUBLISHED" },
    ]);
    expect(events.every((e) => e.actorId === actors.facilitator.id)).toBe(true);
  });

  it("refuses a skipped or backward step with CONFLICT and changes nothing", async () => {
    const { review, actors } = await buildCast("INDEPENDENT");
    await expect(moveReviewPhase(actors.facilitator, review.id, { to: "ACTION_PLANNING" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(moveReviewPhase(actors.admin, review.id, { to: "PREPARING" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().review.findUniqueOrThrow({ where: { id: review.id } })).phase).toBe("INDEPENDENT");
    expect(await db().auditEvent.count({ where: { reviewId: review.id } })).toBe(0);
  });

  it("lets only the facilitator or an admin move it: others get 403, outsiders 404", async () => {
    const { review, actors } = await buildCast("PREPARING");
    for (const who of ["responder", "observer", "teamMember", "pm"] as const) {
      await expect(moveReviewPhase(actors[who], review.id, { to: "INDEPENDENT" }), who).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(moveReviewPhase(actors.outsider, review.id, { to: "INDEPENDENT" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(moveReviewPhase(actors.admin, review.id, { to: "INDEPENDENT" })).resolves.toMatchObject({ phase: "INDEPENDENT" });
  });

  it("moves only once when two moves race", async () => {
    const { review, actors } = await buildCast("PREPARING");
    const results = await Promise.allSettled([
      moveReviewPhase(actors.facilitator, review.id, { to: "INDEPENDENT" }),
      moveReviewPhase(actors.admin, review.id, { to: "INDEPENDENT" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.objectContaining({ code: "CONFLICT" }) });
    expect(await db().auditEvent.count({ where: { reviewId: review.id, type: "review.phase_changed" } })).toBe(1);
  });

  it("gives responders their anonymous letters at the reveal in a random order, not the order they joined in", async () => {
    const { review, actors } = await buildCast("INDEPENDENT");
    for (let i = 0; i < 9; i++) await addParticipant(actors.facilitator, review.id, { email: (await buildUser()).email, role: "responder" });
    const before = await db().reviewParticipant.findMany({ where: { reviewId: review.id, role: "RESPONDER" } });
    expect(before.map((p) => p.anonymousLabel)).toEqual(Array(10).fill(null));

    await moveReviewPhase(actors.facilitator, review.id, { to: "GROUP" });
    // The order everyone sees in the participant list.
    const joined = await db().reviewParticipant.findMany({ where: { reviewId: review.id, role: "RESPONDER" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const letters = joined.map((p) => p.anonymousLabel);
    expect([...letters].sort()).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
    // One chance in 3.6 million that a fair shuffle of ten gives back the joining order.
    expect(letters.join("")).not.toBe("ABCDEFGHIJ");
  });

  it("needs a responder before independent accounts start", async () => {
    const facilitator = await buildUser();
    const team = await buildTeam([{ userId: facilitator.id }]);
    const incident = await buildIncident({ teamId: team.id });
    const actor = await actorFor(facilitator.id);
    const review = await createReview(actor, { incidentId: incident.id, title: "Lonely review", facilitatorEmail: facilitator.email, visibility: "ORGANISATION" });
    await expect(moveReviewPhase(actor, review.id, { to: "INDEPENDENT" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("at least one responder"),
    });
  });
});

describe("participants", () => {
  it("are invited by e-mail by the facilitator, once, and audited", async () => {
    const { review, actors } = await buildCast("PREPARING");
    const newcomer = await buildUser();
    await addParticipant(actors.facilitator, review.id, { email: newcomer.email.toUpperCase().toLowerCase(), role: "responder" });
    await expect(addParticipant(actors.facilitator, review.id, { email: newcomer.email, role: "observer" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addParticipant(actors.responder, review.id, { email: (await buildUser()).email, role: "observer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const view = await getReview(actors.facilitator, review.id);
    expect(view.participants.filter((p) => p.role === "RESPONDER").map((p) => p.userId)).toContain(newcomer.id);
    expect(await db().auditEvent.count({ where: { reviewId: review.id, type: "review.participant_added" } })).toBe(1);
  });

  it("after the reveal, joins only as observers", async () => {
    const { review, actors } = await buildCast("GROUP");
    const late = await buildUser();
    await expect(addParticipant(actors.facilitator, review.id, { email: late.email, role: "responder" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addParticipant(actors.facilitator, review.id, { email: late.email, role: "observer" })).resolves.toMatchObject({ role: "OBSERVER" });
  });

  it("refuses people who have not joined Debrief, with a field message", async () => {
    const { review, actors } = await buildCast("PREPARING");
    await expect(addParticipant(actors.facilitator, review.id, { email: "stranger@else.example", role: "responder" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: [expect.stringContaining("No active Debrief user")] },
    });
  });

  it("can remove a responder before the reveal but never the facilitator", async () => {
    const { review, actors, users } = await buildCast("PREPARING");
    const view = await getReview(actors.facilitator, review.id);
    const responder = view.participants.find((p) => p.userId === users.responder.id)!;
    const facilitator = view.participants.find((p) => p.role === "FACILITATOR")!;
    await expect(removeParticipant(actors.facilitator, review.id, facilitator.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await removeParticipant(actors.facilitator, review.id, responder.id);
    expect((await getReview(actors.facilitator, review.id)).participants.some((p) => p.userId === users.responder.id)).toBe(false);
  });
});
