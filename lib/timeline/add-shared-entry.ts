import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { findRevealedEntries } from "./revealed-entries";
import { sharedEntryInclude, toSharedEntryView, unknownIds, type AddSharedEntryInput } from "./shared-entries";

/**
 * Adds a new entry to the shared timeline — something the group recalls that no personal
 * timeline has, or a better wording — optionally linked to the personal entries it is based on.
 */
export async function addSharedEntry(actor: Actor, reviewId: string, input: AddSharedEntryInput) {
  const { review } = await loadSessionReview(actor, reviewId, "contribute");
  const sourceEntryIds = [...new Set(input.sourceEntryIds ?? [])];
  const { missing } = await findRevealedEntries(review, sourceEntryIds);
  if (missing.length) throw unknownIds("sourceEntryIds", missing, "personal timeline entries");
  const entry = await db().$transaction(async (tx) => {
    const created = await tx.timelineEntry.create({
      data: {
        reviewId,
        accountId: null,
        authorId: actor.id,
        occurredAt: input.occurredAt,
        timezone: input.timezone,
        description: input.description,
        kind: input.kind,
        evidenceUrl: input.evidenceUrl || null,
        keyMoment: input.keyMoment ?? null,
        sourceEntryIds,
      },
      include: sharedEntryInclude,
    });
    await recordAuditEvent(tx, { type: "timeline.entry_added", actorId: actor.id, reviewId, subjectId: created.id, data: { via: "new", sourceEntryIds } });
    return created;
  });
  publishReviewEvent("timeline.changed", reviewId, [entry.id]);
  return toSharedEntryView(entry);
}
