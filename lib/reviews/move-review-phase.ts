import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { assertReadyToPublish } from "../library/publish-checklist";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { checkTransition, PHASES } from "./lifecycle";
import { loadVisibleReview } from "./load-review";
import { applyPhaseEffects } from "./phase-effects";

export const moveReviewPhaseSchema = z.object({
  to: z.enum(PHASES, { error: `The phase is one of ${PHASES.join(", ")}.` }),
});

/**
 * Moves a review one phase forward (facilitator or admin). The update is conditional on the
 * phase the caller saw, so two simultaneous moves cannot skip a phase; the audit event is written
 * in the same transaction. Publication also needs the publish checklist met (lib/library), checked
 * inside the transaction after `options.prepare` (e.g. the report's details saved with the move),
 * so a refused publication changes nothing.
 */
export async function moveReviewPhase(
  actor: Actor,
  reviewId: string,
  input: z.output<typeof moveReviewPhaseSchema>,
  options: { prepare?: (tx: Tx) => Promise<void> } = {},
) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:move-phase", facts, {
    message: review.phase === "PUBLISHED" ? "This review is published; its phase can no longer change." : "Only the review's facilitator or an admin can move it to another phase.",
  });
  const check = checkTransition(review.phase, input.to, {
    responderCount: review.participants.filter((p) => p.role === "RESPONDER").length,
    hasFacilitator: review.participants.some((p) => p.role === "FACILITATOR"),
  });
  if (!check.ok) throw new AppError("CONFLICT", check.reason);
  const now = new Date();
  return db().$transaction(async (tx) => {
    await options.prepare?.(tx);
    if (input.to === "PUBLISHED") await assertReadyToPublish(tx, reviewId);
    const moved = await tx.review.updateMany({
      where: { id: reviewId, phase: review.phase },
      data: { phase: input.to, phaseChangedAt: now, ...(input.to === "PUBLISHED" ? { publishedAt: now } : {}) },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "Someone else changed this review's phase just now. Reload to see where it stands.");
    await applyPhaseEffects(tx, review, input.to, actor.id, now);
    await recordAuditEvent(tx, { type: "review.phase_changed", actorId: actor.id, reviewId, subjectId: reviewId, data: { from: review.phase, to: input.to } });
    return tx.review.findUniqueOrThrow({ where: { id: reviewId } });
  });
}
