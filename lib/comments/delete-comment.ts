import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { publishReviewEvent } from "../events/review-events";
import { can } from "../policies";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";

/** Deletes a comment and the replies to it: its author, or the facilitator or an admin, during the session. */
export async function deleteComment(actor: Actor, reviewId: string, commentId: string) {
  const { facts } = await loadSessionReview(actor, reviewId, "read");
  const comment = await db().comment.findFirst({ where: { id: commentId, reviewId } });
  if (!comment) throw AppError.notFound("Comment");
  if (!can(actor, "session:delete-comment", { ...facts, isAuthor: comment.authorId === actor.id })) {
    if (facts.phase !== "GROUP") throw new AppError("CONFLICT", "The group session has ended: its comments are read-only now.");
    throw new AppError("FORBIDDEN", "Only the comment's author, the facilitator or an admin can delete it.");
  }
  await db().$transaction(async (tx) => {
    await tx.comment.delete({ where: { id: comment.id } });
    await recordAuditEvent(tx, { type: "comment.deleted", actorId: actor.id, reviewId, subjectId: comment.id, data: { targetType: comment.targetType, targetId: comment.targetId } });
  });
  publishReviewEvent("comments.changed", reviewId, [comment.id, comment.targetId]);
}
