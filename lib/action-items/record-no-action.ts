import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { loadActionReview } from "./action-access";
import { noActionReasonSchema } from "./finding-decisions";

export const recordNoActionSchema = z.object({ reason: noActionReasonSchema.describe("Why the group decided this finding needs no action.") });
export type RecordNoActionInput = z.output<typeof recordNoActionSchema>;

/**
 * Records the group's decision that a finding needs no action, with the reason (or changes the
 * reason). Refused (409) for a finding that already has actions: the decision would contradict them.
 */
export async function recordNoAction(actor: Actor, reviewId: string, findingId: string, input: RecordNoActionInput) {
  await loadActionReview(actor, reviewId, "plan");
  const now = new Date();
  return db().$transaction(async (tx) => {
    const finding = await tx.finding.findFirst({ where: { id: findingId, reviewId }, select: { id: true, noActionReason: true, noActionAt: true, _count: { select: { actions: true } } } });
    if (!finding) throw AppError.notFound("Finding");
    if (finding._count.actions) throw new AppError("CONFLICT", "This finding already has actions. Unlink them first if the group decided it needs none.");
    if (finding.noActionReason === input.reason) return { findingId, noActionReason: finding.noActionReason, noActionAt: finding.noActionAt };
    const updated = await tx.finding.update({ where: { id: findingId }, data: { noActionReason: input.reason, noActionAt: now }, select: { noActionReason: true, noActionAt: true } });
    await recordAuditEvent(tx, { type: "finding.no_action_recorded", actorId: actor.id, reviewId, subjectId: findingId, data: {} });
    return { findingId, noActionReason: updated.noActionReason, noActionAt: updated.noActionAt };
  });
}
