import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { mergeTimeline } from "../timeline/merge-timeline";
import { loadRevealedEntries } from "../timeline/revealed-entries";
import { buildAgenda, isAgendaId } from "./agenda";
import { getSession } from "./get-session";
import { loadSessionReview } from "./session-access";

export const MAX_TIMER_MINUTES = 240;

export const updateSessionSchema = z
  .object({
    step: z.string().trim().min(1).max(200).nullable().optional().describe("The agenda step or divergence item the session is on (an id from `agenda`); null for none."),
    timerMinutes: z
      .number({ error: "Give the timer in whole minutes." })
      .int("Give the timer in whole minutes.")
      .min(1, "At least 1 minute.")
      .max(MAX_TIMER_MINUTES, `At most ${MAX_TIMER_MINUTES} minutes.`)
      .nullable()
      .optional()
      .describe("Starts a timer of this many minutes from now (replacing a running one); null clears it."),
  })
  .refine((v) => v.step !== undefined || v.timerMinutes !== undefined, { message: "Send a step, a timer or both." });
export type UpdateSessionInput = z.output<typeof updateSessionSchema>;

/** The facilitator moves the session to an agenda step and starts or clears the timer. */
export async function updateSession(actor: Actor, reviewId: string, input: UpdateSessionInput, now = new Date()) {
  const { review, facts } = await loadSessionReview(actor, reviewId, "facilitate");
  if (input.step) {
    const agenda = buildAgenda(mergeTimeline(await loadRevealedEntries(actor, review, facts)).divergences);
    if (!isAgendaId(agenda, input.step)) {
      throw new AppError("VALIDATION_FAILED", "That is not a step of this session's agenda.", { fields: { step: ["Choose a step or item of the agenda."] } });
    }
  }
  const endsAt = input.timerMinutes === undefined ? undefined : input.timerMinutes === null ? null : new Date(now.getTime() + input.timerMinutes * 60_000);
  await db().$transaction(async (tx) => {
    await tx.review.update({
      where: { id: reviewId },
      data: { ...(input.step !== undefined ? { sessionStep: input.step } : {}), ...(endsAt !== undefined ? { sessionTimerEndsAt: endsAt } : {}) },
    });
    if (input.step !== undefined && input.step !== review.sessionStep) {
      await recordAuditEvent(tx, { type: "session.step_changed", actorId: actor.id, reviewId, subjectId: reviewId, data: { from: review.sessionStep, to: input.step } });
    }
    if (endsAt !== undefined) {
      await recordAuditEvent(tx, { type: "session.timer_changed", actorId: actor.id, reviewId, subjectId: reviewId, data: { endsAt: endsAt?.toISOString() ?? null } });
    }
  });
  publishReviewEvent("session.changed", reviewId, [reviewId]);
  return getSession(actor, reviewId, now);
}
