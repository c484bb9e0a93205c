/** The action's sync history (ActionSyncEvent): every exchange with the tracker, both ways. */
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";

export type SyncEventKind =
  | "queued"
  | "created"
  | "found-existing"
  | "updated"
  | "retrying"
  | "failed"
  | "status-changed"
  | "assignee-changed"
  | "due-date-changed"
  | "reconciled"
  | "missing";

export async function recordSyncEvent(tx: Tx, actionId: string, direction: "OUT" | "IN", kind: SyncEventKind, detail: Prisma.InputJsonObject = {}): Promise<void> {
  await tx.actionSyncEvent.create({ data: { actionId, direction, kind, detail } });
}
