import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { findRevealedEntries } from "./revealed-entries";
import { lockSharedTimeline, sharedEntryInclude, toSharedEntryView, type PromoteTimelineEntryInput } from "./shared-entries";

/**
 * Copies a personal entry of a revealed account into the shared timeline, remembering where it
 * came from (sourceEntryIds). The personal entry itself never changes. An entry already promoted
 * is not promoted twice (409, with the shared entry's id).
 */
export async function promoteTimelineEntry(actor: Actor, reviewId: string, input: PromoteTimelineEntryInput) {
  const { review } = await loadSessionReview(actor, reviewId, "contribute");
  const { found } = await findRevealedEntries(review, [input.promoteEntryId]);
  const source = found[0];
  if (!source) throw AppError.notFound("Personal timeline entry");
  const entry = await db().$transaction(async (tx) => {
    await lockSharedTimeline(tx, reviewId);
    const existing = await tx.timelineEntry.findFirst({ where: { reviewId, accountId: null, sourceEntryIds: { has: source.id } }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", "That entry is already in the shared timeline.", { details: { sharedEntryId: existing.id } });
    }
    const created = await tx.timelineEntry.create({
      data: {
        reviewId,
        accountId: null,
        authorId: actor.id,
        occurredAt: source.occurredAt,
        timezone: source.timezone,
        description: source.description,
        kind: source.kind,
        evidenceUrl: source.evidenceUrl,
        keyMoment: input.keyMoment ?? null,
        sourceEntryIds: [source.id],
      },
      include: sharedEntryInclude,
    });
    await recordAuditEvent(tx, { type: "timeline.entry_added", actorId: actor.id, reviewId, subjectId: created.id, data: { via: "promoted", sourceEntryIds: [source.id] } });
    return created;
  });
  publishReviewEvent("timeline.changed", reviewId, [entry.id]);
  return toSharedEntryView(entry);
}
