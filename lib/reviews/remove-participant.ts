import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "./load-review";

/** Removes a responder or observer before the reveal (the facilitator stays). */
export async function removeParticipant(actor: Actor, reviewId: string, participantId: string) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:manage-participants", facts, { message: "Only the facilitator or an admin can remove participants." });
  const participant = review.participants.find((p) => p.id === participantId);
  if (!participant) throw AppError.notFound("Participant");
  if (participant.role === "FACILITATOR") throw new AppError("CONFLICT", "A review always has a facilitator; the facilitator cannot be removed.");
  if (participant.role === "RESPONDER" && review.phase !== "PREPARING" && review.phase !== "INDEPENDENT") {
    throw new AppError("CONFLICT", "After the reveal, responders stay part of the review.");
  }
  await db().$transaction(async (tx) => {
    await tx.reviewParticipant.delete({ where: { id: participantId } });
    await recordAuditEvent(tx, {
      type: "review.participant_removed",
      actorId: actor.id,
      reviewId,
      subjectId: participantId,
      data: { userId: participant.userId, role: participant.role },
    });
  });
}
