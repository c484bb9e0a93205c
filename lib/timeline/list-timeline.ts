import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { mergeTimeline } from "./merge-timeline";
import { loadRevealedEntries, mayReadPersonalEntries } from "./revealed-entries";
import { commentCounts, sharedEntryInclude, toSharedEntryView } from "./shared-entries";

/**
 * The session's timeline: the merged view (every revealed account's personal entries interleaved
 * by time, attributed — anonymised where the review says so — with the divergences between them)
 * and the shared timeline the group builds. Those who may read the published review but took no
 * part in it see the shared timeline only: personal timelines stay with participants and admins.
 */
export async function listTimeline(actor: Actor, reviewId: string, options: { timeZone?: string } = {}) {
  const { review, facts, abilities } = await loadSessionReview(actor, reviewId, "read");
  // Divergence summaries name times: in the viewer's zone when the page knows it.
  const timeZone = options.timeZone ?? actor.timezone ?? "UTC";
  const [personal, sharedRows] = await Promise.all([
    loadRevealedEntries(actor, review, facts),
    db().timelineEntry.findMany({ where: { reviewId, accountId: null }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], include: sharedEntryInclude }),
  ]);
  const counts = await commentCounts(reviewId, "TIMELINE_ENTRY", sharedRows.map((e) => e.id));
  const promotedTo = new Map<string, string[]>();
  for (const s of sharedRows) for (const source of s.sourceEntryIds) promotedTo.set(source, [...(promotedTo.get(source) ?? []), s.id]);
  const merged = mergeTimeline(personal, { timeZone });
  return {
    reviewId,
    phase: review.phase,
    anonymised: review.anonymiseAccounts,
    /** Whether the merged view is shown to this actor at all. */
    personalTimelines: mayReadPersonalEntries(actor, facts),
    timeZone,
    merged: {
      entries: merged.entries.map((e) => ({ ...e, promotedTo: promotedTo.get(e.id) ?? [] })),
      divergences: merged.divergences,
    },
    shared: sharedRows.map((e) => toSharedEntryView(e, counts.get(e.id) ?? 0)),
    abilities,
  };
}

export type TimelineView = Awaited<ReturnType<typeof listTimeline>>;
