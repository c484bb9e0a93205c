import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { promptsSchema } from "./prompts";

export const configureAccountsSchema = z.object({
  /** ISO date-time, or null to remove the deadline. */
  deadline: z.coerce.date({ error: "Give the deadline as a date and time." }).nullable().optional(),
  anonymise: z.boolean().optional(),
  /** null restores the default prompts. */
  prompts: promptsSchema.nullable().optional(),
});

/** The facilitator's settings for independent accounts: deadline, anonymisation, prompts. Before the reveal only. */
export async function configureAccounts(actor: Actor, reviewId: string, input: z.output<typeof configureAccountsSchema>, now = new Date()) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:configure-accounts", facts, {
    message: review.phase === "PREPARING" || review.phase === "INDEPENDENT" ? "Only the facilitator or an admin can change these settings." : "Accounts have been revealed; these settings can no longer change.",
  });
  if (input.deadline && input.deadline.getTime() < now.getTime() - 60_000) {
    throw new AppError("VALIDATION_FAILED", "The deadline is in the past.", { fields: { deadline: ["Choose a time in the future."] } });
  }
  const data: Record<string, unknown> = {};
  if (input.deadline !== undefined) data.accountDeadline = input.deadline;
  if (input.anonymise !== undefined) data.anonymiseAccounts = input.anonymise;
  if (input.prompts !== undefined) data.accountPrompts = input.prompts === null ? null : input.prompts;
  const fields = Object.keys(data);
  if (!fields.length) return review;
  return db().$transaction(async (tx) => {
    // A new deadline earns a new automatic reminder.
    if (input.deadline !== undefined) await tx.reviewParticipant.updateMany({ where: { reviewId }, data: { overdueRemindedAt: null } });
    const updated = await tx.review.update({ where: { id: reviewId }, data: data as never });
    await recordAuditEvent(tx, { type: "review.accounts_configured", actorId: actor.id, reviewId, subjectId: reviewId, data: { fields } });
    return updated;
  });
}
