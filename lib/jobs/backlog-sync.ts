/**
 * The `backlog.sync` job: one action to its tracker (lib/backlog/sync-action.ts decides what that
 * means). This file maps the outcome onto the queue: a transient failure throws, so pg-boss retries
 * it with exponential backoff (the queue's retryLimit / retryDelay / retryBackoff); a rate limit
 * re-sends the job to start when the tracker said, without spending a retry; everything else
 * completes the job.
 */
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { markSyncFailed, syncAction, type SyncOutcome } from "../backlog/sync-action";
import { QUEUES, sendJob } from "./queue";

/** Rate-limit postponements before a push gives up (at the trackers' usual windows, hours). */
export const MAX_RATE_LIMITED = 50;

export async function runBacklogSyncJob(boss: PgBoss, job: JobWithMetadata<unknown>): Promise<SyncOutcome> {
  const payload = QUEUES.backlogSync.schema.parse(job.data);
  const outcome = await syncAction(payload.actionId, {
    // A retry, or a job re-sent after a rate limit, may follow an attempt that created the issue.
    deep: payload.deep || job.retryCount > 0,
    attempt: job.retryCount,
    finalAttempt: job.retryCount >= job.retryLimit,
  });
  if (outcome.kind === "retry") throw new Error(outcome.message);
  if (outcome.kind === "rate-limited") {
    if (payload.rateLimited >= MAX_RATE_LIMITED) return markSyncFailed(payload.actionId, `${outcome.message} Debrief stopped waiting after ${MAX_RATE_LIMITED} postponements: push again to retry.`);
    await sendJob(
      "backlogSync",
      { actionId: payload.actionId, deep: true, rateLimited: payload.rateLimited + 1 },
      { singletonKey: payload.actionId, startAfter: new Date(Date.now() + outcome.waitMs) },
      boss,
    );
  }
  return outcome;
}
