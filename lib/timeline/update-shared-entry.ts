import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { commentCounts, loadSharedEntry, sharedEntryInclude, toSharedEntryView, type UpdateSharedEntryInput } from "./shared-entries";

const FIELDS = ["occurredAt", "timezone", "description", "kind", "evidenceUrl", "keyMoment"] as const;

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Changes the fields sent of a shared entry (its wording, time, kind, evidence link or key
 * moment). Fields that do not change are not written, audited or announced.
 */
export async function updateSharedEntry(actor: Actor, reviewId: string, entryId: string, input: UpdateSharedEntryInput) {
  await loadSessionReview(actor, reviewId, "contribute");
  const current = await loadSharedEntry(reviewId, entryId);
  const fields = FIELDS.filter((k) => input[k] !== undefined && !same(input[k], current[k]));
  const count = async () => (await commentCounts(reviewId, "TIMELINE_ENTRY", [entryId])).get(entryId) ?? 0;
  if (!fields.length) return toSharedEntryView(current, await count());
  const data = Object.fromEntries(fields.map((k) => [k, input[k]])) as Pick<UpdateSharedEntryInput, (typeof FIELDS)[number]>;
  const entry = await db().$transaction(async (tx) => {
    const updated = await tx.timelineEntry.update({ where: { id: current.id }, data, include: sharedEntryInclude });
    await recordAuditEvent(tx, { type: "timeline.entry_updated", actorId: actor.id, reviewId, subjectId: entryId, data: { fields: [...fields] } });
    return updated;
  });
  publishReviewEvent("timeline.changed", reviewId, [entryId]);
  return toSharedEntryView(entry, await count());
}
