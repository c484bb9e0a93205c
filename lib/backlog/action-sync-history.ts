/**
 * An action's sync history: every exchange with its team's tracker, both ways, newest first, each
 * said in words. For whoever may see the action (its review's readers, its team, its assignee).
 */
import { loadAction } from "../action-items/action-access";
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { describeSyncEvent } from "./describe-sync-event";

export async function listActionSyncHistory(actor: Actor, actionId: string, limit = 50) {
  await loadAction(actor, actionId);
  const events = await db().actionSyncEvent.findMany({
    where: { actionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, direction: true, kind: true, detail: true, createdAt: true },
  });
  return {
    items: events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      direction: e.direction === "IN" ? ("IN" as const) : ("OUT" as const),
      kind: e.kind,
      summary: describeSyncEvent(e.kind, (e.detail ?? {}) as Record<string, unknown>),
    })),
  };
}

export type ActionSyncHistory = Awaited<ReturnType<typeof listActionSyncHistory>>;
