/**
 * The transactional outbox's relay. Deciding to send an action (push, update, auto-push on
 * publication) only marks it PENDING, in the same transaction as the decision; this relay turns
 * PENDING actions that have no job into `backlog.sync` jobs. It runs right after such a decision
 * when the worker lives in this process (`kickRelay`), and every few seconds in the worker — so a
 * crash between the commit and the send, or a separate web process, loses nothing.
 */
import { db } from "../db/client";
import { keysWithLiveJobs, runningJobQueue, sendJob } from "../jobs/queue";
import { log } from "../log";

/** Sends a job for every PENDING action (up to `limit`) that has none. Returns how many were sent. */
export async function relayPendingSyncs(limit = 500): Promise<number> {
  const queue = await runningJobQueue();
  if (!queue) return 0;
  const pending = await db().actionItem.findMany({ where: { syncState: "PENDING" }, select: { id: true }, orderBy: { updatedAt: "asc" }, take: limit });
  if (!pending.length) return 0;
  const ids = pending.map((a) => a.id);
  const live = await keysWithLiveJobs("backlogSync", ids, queue.boss);
  let sent = 0;
  for (const id of ids) {
    if (live.has(id)) continue;
    // `stately` keeps one queued job per action: a send racing another relay is dropped by pg-boss.
    if (await sendJob("backlogSync", { actionId: id }, { singletonKey: id }, queue.boss)) sent++;
  }
  if (sent) log.debug({ sent }, "relayed pending tracker syncs");
  return sent;
}

let kicked: NodeJS.Timeout | null = null;

/**
 * Relays soon (after the caller's transaction has committed) when this process runs the worker;
 * otherwise the worker's periodic relay picks the work up.
 */
export function kickRelay(delayMs = 50): void {
  if (kicked) return;
  kicked = setTimeout(() => {
    kicked = null;
    relayPendingSyncs().catch((err) => log.warn({ err }, "tracker sync relay failed"));
  }, delayMs);
  kicked.unref();
}
