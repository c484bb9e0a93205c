import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { loadActionReview } from "./action-access";

/** Withdraws a finding's "no action needed" decision: it is listed as needing an action again. */
export async function clearNoAction(actor: Actor, reviewId: string, findingId: string): Promise<void> {
  await loadActionReview(actor, reviewId, "plan");
  await db().$transaction(async (tx) => {
    const finding = await tx.finding.findFirst({ where: { id: findingId, reviewId }, select: { noActionAt: true } });
    if (!finding) throw AppError.notFound("Finding");
    if (!finding.noActionAt) return;
    await tx.finding.update({ where: { id: findingId }, data: { noActionReason: null, noActionAt: null } });
    await recordAuditEvent(tx, { type: "finding.no_action_cleared", actorId: actor.id, reviewId, subjectId: findingId, data: { via: "decision" } });
  });
}
