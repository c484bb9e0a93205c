/** Stop following a team, a service or a tag. */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { normaliseSubscription, type SubscriptionInput } from "./subscription-input";

/** 404 when you do not follow it (or the team does not exist). */
export async function unfollow(actor: Actor, input: SubscriptionInput): Promise<void> {
  authorize(actor, "follow:manage-own", null);
  await db().$transaction(async (tx) => {
    const { kind, value } = await normaliseSubscription(input, tx);
    const existing = await tx.subscription.findUnique({ where: { userId_kind_value: { userId: actor.id, kind, value } } });
    if (!existing) throw AppError.notFound("Subscription");
    await tx.subscription.delete({ where: { id: existing.id } });
    await recordAuditEvent(tx, { type: "subscription.deleted", actorId: actor.id, subjectId: existing.id, data: { kind, value } });
  });
}
