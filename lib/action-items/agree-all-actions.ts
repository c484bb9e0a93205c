import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadActionReview } from "./action-access";

/**
 * Agrees every action of the review still proposed ("agree all" at the end of action planning):
 * each gets its agreedAt — the start of its lead time, and what sends it to its team's tracker —
 * and an audit event. Returns the ids agreed now.
 */
export async function agreeAllActions(actor: Actor, reviewId: string): Promise<{ agreedIds: string[] }> {
  await loadActionReview(actor, reviewId, "plan");
  const now = new Date();
  return db().$transaction(async (tx) => {
    const proposed = await tx.actionItem.findMany({ where: { reviewId, agreedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } });
    const ids = proposed.map((a) => a.id);
    if (!ids.length) return { agreedIds: [] };
    await tx.actionItem.updateMany({ where: { id: { in: ids }, agreedAt: null }, data: { agreedAt: now, updatedAt: now } });
    for (const id of ids) await recordAuditEvent(tx, { type: "action.agreed", actorId: actor.id, reviewId, subjectId: id, data: { via: "agree-all" } });
    return { agreedIds: ids };
  });
}
