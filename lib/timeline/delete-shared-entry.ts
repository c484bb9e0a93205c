import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { loadSharedEntry } from "./shared-entries";

/**
 * Deletes a shared entry, with its links to findings and the comments on it. The personal entries
 * it came from stay in their accounts (and can be promoted again).
 */
export async function deleteSharedEntry(actor: Actor, reviewId: string, entryId: string) {
  await loadSessionReview(actor, reviewId, "contribute");
  const entry = await loadSharedEntry(reviewId, entryId);
  const findingIds = entry.findings.map((f) => f.findingId);
  await db().$transaction(async (tx) => {
    await tx.comment.deleteMany({ where: { reviewId, targetType: "TIMELINE_ENTRY", targetId: entryId } });
    await tx.timelineEntry.delete({ where: { id: entry.id } });
    await recordAuditEvent(tx, { type: "timeline.entry_deleted", actorId: actor.id, reviewId, subjectId: entryId, data: {} });
  });
  publishReviewEvent("timeline.changed", reviewId, [entryId]);
  if (findingIds.length) publishReviewEvent("findings.changed", reviewId, findingIds);
}
