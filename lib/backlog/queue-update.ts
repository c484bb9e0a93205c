/**
 * For the actions domain: call after an action's title, priority, due date or status changed in
 * Debrief, so the change goes out to its tracker issue. Does nothing for an action that is not in
 * a tracker (never pushed, or its team has no tracker now).
 *
 *   await queueActionUpdate(action.id);              // after the change has committed
 *   await queueActionUpdate(action.id, { tx });      // inside the change's own transaction (outbox)
 */
import { db, type Tx } from "../db/client";
import { kickRelay } from "./relay";

export async function queueActionUpdate(actionId: string, options: { tx?: Tx } = {}): Promise<boolean> {
  const client = options.tx ?? db();
  const marked = await client.actionItem.updateMany({
    where: { id: actionId, externalId: { not: null }, syncState: { in: ["SYNCED", "FAILED"] }, team: { backlogConnection: { isNot: null } } },
    data: { syncState: "PENDING", syncError: null },
  });
  if (marked.count) kickRelay(options.tx ? 250 : 50);
  return marked.count > 0;
}
