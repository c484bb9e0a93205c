import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { timelineEntrySchema } from "../responder-accounts/personal-timeline";
import { loadSessionReview } from "../session/session-access";
import { commentCounts, entryIdsSchema, keyMomentSchema, lockSharedTimeline, sharedEntryInclude, toSharedEntryView, unknownIds } from "./shared-entries";

export const mergeSharedEntriesSchema = z.object({
  entryIds: entryIdsSchema(20)
    .min(2, "Choose at least two entries to merge.")
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each entry only once." })
    .describe("The shared entries that tell the same thing (2–20)."),
  occurredAt: timelineEntrySchema.shape.occurredAt.optional().describe("The merged entry's time; the earliest of the entries' times when omitted."),
  description: timelineEntrySchema.shape.description.optional().describe("The merged wording; the earliest entry's when omitted."),
  kind: timelineEntrySchema.shape.kind.optional(),
  keyMoment: keyMomentSchema.nullable().optional(),
});
export type MergeSharedEntriesInput = z.output<typeof mergeSharedEntriesSchema>;

/**
 * Merges duplicate shared entries into one: the earliest survives (at the earliest time unless
 * another is given), with the union of their sources, the findings they support and their
 * comments; the others are deleted. All in one transaction.
 */
export async function mergeSharedEntries(actor: Actor, reviewId: string, input: MergeSharedEntriesInput) {
  await loadSessionReview(actor, reviewId, "contribute");
  const result = await db().$transaction(async (tx) => {
    await lockSharedTimeline(tx, reviewId);
    const entries = await tx.timelineEntry.findMany({
      where: { id: { in: input.entryIds }, reviewId, accountId: null },
      orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
      include: sharedEntryInclude,
    });
    const missing = input.entryIds.filter((id) => !entries.some((e) => e.id === id));
    if (missing.length) throw unknownIds("entryIds", missing, "shared timeline entries");
    const [kept, ...merged] = entries;
    if (!kept || !merged.length) throw new AppError("VALIDATION_FAILED", "Choose at least two entries to merge.", { fields: { entryIds: ["Choose at least two entries to merge."] } });
    const mergedIds = merged.map((e) => e.id);
    const findingIds = [...new Set(entries.flatMap((e) => e.findings.map((f) => f.findingId)))];
    await tx.findingEvidence.createMany({ data: findingIds.map((findingId) => ({ findingId, timelineEntryId: kept.id })), skipDuplicates: true });
    const moved = await tx.comment.updateMany({ where: { reviewId, targetType: "TIMELINE_ENTRY", targetId: { in: mergedIds } }, data: { targetId: kept.id } });
    await tx.timelineEntry.deleteMany({ where: { id: { in: mergedIds } } });
    const updated = await tx.timelineEntry.update({
      where: { id: kept.id },
      data: {
        occurredAt: input.occurredAt ?? kept.occurredAt,
        description: input.description ?? kept.description,
        kind: input.kind ?? kept.kind,
        keyMoment: input.keyMoment !== undefined ? input.keyMoment : (entries.find((e) => e.keyMoment)?.keyMoment ?? null),
        evidenceUrl: kept.evidenceUrl ?? entries.find((e) => e.evidenceUrl)?.evidenceUrl ?? null,
        sourceEntryIds: [...new Set(entries.flatMap((e) => e.sourceEntryIds))],
      },
      include: sharedEntryInclude,
    });
    await recordAuditEvent(tx, { type: "timeline.entries_merged", actorId: actor.id, reviewId, subjectId: kept.id, data: { mergedEntryIds: mergedIds } });
    return { updated, mergedIds, findingIds, commentsMoved: moved.count };
  });
  publishReviewEvent("timeline.changed", reviewId, [result.updated.id, ...result.mergedIds]);
  if (result.findingIds.length) publishReviewEvent("findings.changed", reviewId, result.findingIds);
  if (result.commentsMoved) publishReviewEvent("comments.changed", reviewId, [result.updated.id]);
  const count = (await commentCounts(reviewId, "TIMELINE_ENTRY", [result.updated.id])).get(result.updated.id) ?? 0;
  return { entry: toSharedEntryView(result.updated, count), mergedEntryIds: result.mergedIds };
}
