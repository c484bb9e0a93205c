import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { phaseIndex } from "./lifecycle";
import { loadVisibleReview } from "./load-review";

export const addParticipantSchema = z.object({
  email: z.email("Give the person's e-mail address.").transform((e) => e.toLowerCase()),
  role: z.enum(["responder", "observer"], { error: "The role is responder or observer." }),
});

const ROLE = { responder: "RESPONDER", observer: "OBSERVER" } as const;

/** Invites a user to a review as responder or observer (facilitator or admin, before publication). */
export async function addParticipant(actor: Actor, reviewId: string, input: z.output<typeof addParticipantSchema>) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:manage-participants", facts, { message: "Only the facilitator or an admin can invite participants." });
  const role = ROLE[input.role];
  if (role === "RESPONDER" && phaseIndex(review.phase) >= phaseIndex("GROUP")) {
    throw new AppError("CONFLICT", "Accounts have been revealed: new people can join as observers only.");
  }
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) {
    throw new AppError("VALIDATION_FAILED", "That person has not joined Debrief yet.", {
      fields: { email: ["No active Debrief user has this e-mail address. An admin can invite them."] },
    });
  }
  const existing = review.participants.find((p) => p.userId === user.id);
  if (existing) {
    throw new AppError("CONFLICT", `${user.name ?? input.email} already takes part in this review as ${existing.role.toLowerCase()}.`, {
      fields: { email: ["Already a participant."] },
    });
  }
  return db().$transaction(async (tx) => {
    const participant = await tx.reviewParticipant.create({ data: { reviewId, userId: user.id, role } });
    await tx.review.update({ where: { id: reviewId }, data: { updatedAt: new Date() } });
    await recordAuditEvent(tx, { type: "review.participant_added", actorId: actor.id, reviewId, subjectId: participant.id, data: { userId: user.id, role } });
    return participant;
  });
}
