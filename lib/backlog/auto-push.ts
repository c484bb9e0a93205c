/**
 * Publication's hook (lib/reviews/phase-effects.ts): in the publishing transaction, the review's
 * agreed actions whose team pushes automatically are marked PENDING with a history entry. The
 * relay sends their jobs once the transaction has committed; if it never commits, nothing is sent.
 */
import type { Tx } from "../db/client";
import { kickRelay } from "./relay";

export async function queueAutoPushes(tx: Tx, reviewId: string): Promise<number> {
  const actions = await tx.actionItem.findMany({
    where: { reviewId, agreedAt: { not: null }, syncState: "LOCAL", externalId: null, team: { backlogConnection: { autoPush: true } } },
    select: { id: true },
  });
  if (!actions.length) return 0;
  const ids = actions.map((a) => a.id);
  await tx.actionItem.updateMany({ where: { id: { in: ids }, syncState: "LOCAL" }, data: { syncState: "PENDING", syncError: null } });
  await tx.actionSyncEvent.createMany({ data: ids.map((actionId) => ({ actionId, direction: "OUT", kind: "queued", detail: { auto: true } })) });
  kickRelay(500);
  return ids.length;
}
