/** Follow a team, a service or a tag: newly published reviews of it reach you in your digest and feed. */
import { recordAuditEvent } from "../audit/events";
import { db, type Tx } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { normaliseSubscription, type SubscriptionInput } from "./subscription-input";
import { describeSubscriptions, type SubscriptionView } from "./list-subscriptions";

/** Idempotent: following what you already follow returns the existing subscription (created: false). */
export async function follow(actor: Actor, input: SubscriptionInput): Promise<SubscriptionView & { created: boolean }> {
  authorize(actor, "follow:manage-own", null);
  const result = await db().$transaction(async (tx: Tx) => {
    const { kind, value } = await normaliseSubscription(input, tx);
    const existing = await tx.subscription.findUnique({ where: { userId_kind_value: { userId: actor.id, kind, value } } });
    if (existing) return { subscription: existing, created: false };
    // A racing duplicate is absorbed by the unique index: skipDuplicates, then read it back.
    const inserted = await tx.subscription.createMany({ data: [{ userId: actor.id, kind, value }], skipDuplicates: true });
    const subscription = await tx.subscription.findUniqueOrThrow({ where: { userId_kind_value: { userId: actor.id, kind, value } } });
    if (inserted.count) await recordAuditEvent(tx, { type: "subscription.created", actorId: actor.id, subjectId: subscription.id, data: { kind, value } });
    return { subscription, created: inserted.count > 0 };
  });
  const [view] = await describeSubscriptions([result.subscription]);
  return { ...view!, created: result.created };
}
