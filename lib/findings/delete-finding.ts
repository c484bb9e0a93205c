import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { loadFinding } from "./finding-view";

/** Deletes a finding with its evidence links and the comments on it (the timeline entries stay). */
export async function deleteFinding(actor: Actor, reviewId: string, findingId: string) {
  await loadSessionReview(actor, reviewId, "contribute");
  const finding = await loadFinding(reviewId, findingId);
  await db().$transaction(async (tx) => {
    await tx.comment.deleteMany({ where: { reviewId, targetType: "FINDING", targetId: findingId } });
    await tx.finding.delete({ where: { id: finding.id } });
    await recordAuditEvent(tx, { type: "finding.deleted", actorId: actor.id, reviewId, subjectId: findingId, data: { category: finding.category } });
  });
  publishReviewEvent("findings.changed", reviewId, [findingId]);
}
