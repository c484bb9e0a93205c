/**
 * Reconcile: re-reads synced actions' issues from their trackers, to catch what webhooks missed
 * (a tracker that was down, a webhook never configured). Oldest-synced first, a bounded number per
 * connection per pass, through the connection's rate-limit gate; a rate limit ends that
 * connection's pass (the next pass continues where this one stopped). Actions with changes still
 * to send (PENDING) are left alone: the tracker would overwrite them.
 */
import { db } from "../db/client";
import { log } from "../log";
import { applyTrackerChange } from "./apply-changes";
import { providerFor } from "./connection";
import { isProviderError } from "./provider";
import { recordSyncEvent } from "./sync-events";

export type ReconcileOptions = { perConnection?: number; staleAfterMs?: number; now?: Date };
export type ReconcileResult = { connections: number; checked: number; changed: number; missing: number; stoppedByRateLimit: number };

export async function reconcileBacklogs(options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.staleAfterMs ?? 5 * 60_000));
  const result: ReconcileResult = { connections: 0, checked: 0, changed: 0, missing: 0, stoppedByRateLimit: 0 };
  const connections = await db().backlogConnection.findMany({ where: { provider: { not: "WEBHOOK" } } });
  for (const connection of connections) {
    result.connections++;
    const actions = await db().actionItem.findMany({
      where: { teamId: connection.teamId, syncState: "SYNCED", externalProvider: connection.provider, externalId: { not: null }, OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: cutoff } }] },
      orderBy: { lastSyncedAt: { sort: "asc", nulls: "first" } },
      take: options.perConnection ?? 50,
    });
    if (!actions.length) continue;
    let provider;
    try {
      provider = providerFor(connection);
    } catch (err) {
      log.warn({ err, connectionId: connection.id }, "reconcile: cannot use the connection");
      continue;
    }
    for (const action of actions) {
      const ref = { externalId: action.externalId!, key: action.externalKey ?? action.externalId!, url: action.externalUrl ?? "" };
      try {
        const issue = await provider.getIssue(ref);
        result.checked++;
        const made = await db().$transaction(async (tx) => {
          // Re-read inside the transaction: a change made in Debrief since the query wins.
          const current = await tx.actionItem.findUnique({ where: { id: action.id } });
          if (!current || current.syncState !== "SYNCED") return [];
          const kinds = await applyTrackerChange(tx, current, { status: issue.status, assignee: issue.assignee, ...(issue.dueDate !== undefined ? { dueDate: issue.dueDate } : {}) }, "reconcile", now);
          if (kinds.length) await recordSyncEvent(tx, action.id, "IN", "reconciled", { changed: kinds });
          return kinds;
        });
        if (made.length) result.changed++;
      } catch (e) {
        if (isProviderError(e) && e.kind === "rate-limited") {
          result.stoppedByRateLimit++;
          break;
        }
        if (isProviderError(e) && e.kind === "not-found") {
          result.missing++;
          await db().$transaction(async (tx) => {
            await tx.actionItem.update({ where: { id: action.id }, data: { syncState: "FAILED", syncError: `The issue ${ref.key} no longer exists in the tracker (or the token cannot see it).`, lastSyncedAt: now } });
            await recordSyncEvent(tx, action.id, "IN", "missing", { key: ref.key });
          });
          continue;
        }
        log.warn({ err: e, actionId: action.id, connectionId: connection.id }, "reconcile: reading an issue failed");
        if (isProviderError(e) && (e.kind === "unauthorized" || e.kind === "unavailable")) break;
      }
    }
  }
  return result;
}
