import { db } from "../db/client";
import { can, sessionAbilities, sessionOpen } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { mergeTimeline } from "../timeline/merge-timeline";
import { loadRevealedEntries } from "../timeline/revealed-entries";
import { buildAgenda } from "./agenda";
import { assertSession } from "./session-access";
import { toSessionItemView } from "./session-items";

/** The timer as shown: when it ends and how many seconds are left (0 once it has run out). */
export function timerView(endsAt: Date | null, now: Date) {
  return endsAt ? { endsAt, remainingSeconds: Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / 1000)) } : null;
}

/**
 * The facilitator's controls and what everyone in the session sees of them: the agenda (the
 * method's steps, with one item per divergence), the current step, the timer, the prepared
 * questions and the parking lot. Before the reveal, the facilitator and admins see their prepared
 * questions only (and the agenda's steps); nobody else sees anything of the session.
 */
export async function getSession(actor: Actor, reviewId: string, now = new Date(), options: { timeZone?: string } = {}) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  const preparing = !sessionOpen(review.phase) && can(actor, "session:prepare-questions", facts);
  assertSession(actor, facts, preparing ? "prepare-questions" : "read");
  const [entries, items] = await Promise.all([
    preparing ? [] : loadRevealedEntries(actor, review, facts),
    db().sessionItem.findMany({ where: { reviewId, ...(preparing ? { kind: "QUESTION" as const } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const { divergences } = mergeTimeline(entries, { timeZone: options.timeZone ?? actor.timezone ?? "UTC" });
  const views = items.map((i) => toSessionItemView(i, actor));
  return {
    reviewId,
    phase: review.phase,
    started: !preparing,
    agenda: buildAgenda(divergences),
    currentStep: preparing ? null : review.sessionStep,
    timer: preparing ? null : timerView(review.sessionTimerEndsAt, now),
    questions: views.filter((i) => i.kind === "QUESTION"),
    parkingLot: views.filter((i) => i.kind === "PARKING_LOT"),
    abilities: sessionAbilities(actor, facts),
  };
}

export type SessionView = Awaited<ReturnType<typeof getSession>>;
