import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { commentCounts, loadSharedEntry, sharedEntryInclude, toSharedEntryView, type UpdateSharedEntryInput } from "./shared-entries";

/** Changes the fields sent of a shared entry (its wording, time, kind, evidence link or key moment). */
export async function updateSharedEntry(actor: Actor, reviewId: string, entryId: string, input: UpdateSharedEntryInput) {
  await loadSessionReview(actor, reviewId, "contribute");
  const current = await loadSharedEntry(reviewId, entryId);
  const data = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<Record<keyof UpdateSharedEntryInput, unknown>>;
  if (data.evidenceUrl === "") data.evidenceUrl = null;
  const fields = Object.keys(data).filter((k) => {
    const before = current[k as keyof typeof current];
    const after = data[k as keyof typeof data];
    return before instanceof Date && after instanceof Date ? before.getTime() !== after.getTime() : before !== after;
  });
  if (!fields.length) return toSharedEntryView(current, (await commentCounts(reviewId, "TIMELINE_ENTRY", [entryId])).get(entryId) ?? 0);
  const entry = await db().$transaction(async (tx) => {
    const updated = await tx.timelineEntry.update({ where: { id: current.id }, data: data as never, include: sharedEntryInclude });
    await recordAuditEvent(tx, { type: "timeline.entry_updated", actorId: actor.id, reviewId, subjectId: entryId, data: { fields } });
    return updated;
  });
  publishReviewEvent("timeline.changed", reviewId, [entryId]);
  return toSharedEntryView(entry, (await commentCounts(reviewId, "TIMELINE_ENTRY", [entryId])).get(entryId) ?? 0);
}
