/**
 * The background worker, in the web process (`npm start`, unless DEBRIEF_WORKER=0) or alone
 * (`npm run worker`, as many as you like). Two kinds of work:
 *
 * - Periodic tasks that find their work in PostgreSQL and claim it atomically (e-mail outbox,
 *   overdue reminders, the tracker-sync relay), each on its interval.
 * - Durable jobs on pg-boss (lib/jobs/queue.ts): one `backlog.sync` job per action to push or
 *   update, retried with backoff; a scheduled `backlog.reconcile` pass that pg-boss runs once
 *   across all workers.
 *
 * See docs/decisions/0005-durable-jobs.md.
 */
import type { JobWithMetadata } from "pg-boss";
import { relayPendingSyncs } from "../backlog/relay";
import { FOLLOW_TASKS } from "../follow/periodic-tasks";
import { reconcileBacklogs } from "../backlog/reconcile";
import { reportTestHooks } from "../backlog/test-hooks";
import { log } from "../log";
import { deliverDueEmails } from "../notify/email";
import { sendOverdueReminders } from "../responder-accounts/send-overdue-reminders";
import { runBacklogSyncJob } from "./backlog-sync";
import { QUEUES, runningJobQueue, startJobQueue, stopJobQueue } from "./queue";

type Task = { name: string; everyMs: number; run: () => Promise<unknown> };

export const TASKS: Task[] = [
  { name: "deliver-emails", everyMs: 2_000, run: () => deliverDueEmails() },
  { name: "overdue-reminders", everyMs: 30_000, run: () => sendOverdueReminders() },
  { name: "tracker-sync-relay", everyMs: 2_000, run: () => relayPendingSyncs() },
  ...FOLLOW_TASKS,
];

export type WorkerOptions = {
  tasks?: Task[];
  /** Run pg-boss jobs (default true). */
  jobs?: boolean;
  /** `backlog.sync` jobs fetched at once by each of the worker's two pollers. */
  syncConcurrency?: number;
};

export type Worker = { stop: () => Promise<void>; ready: Promise<void> };

/** Starts every task on its interval and the job workers; `stop()` waits for running work to finish. */
export function startWorker(options: WorkerOptions = {}): Worker {
  const tasks = options.tasks ?? TASKS;
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = tasks.map((task) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = task
        .run()
        .catch((err) => log.error({ err, task: task.name }, "background task failed"))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    setTimeout(tick, 1_000).unref();
    const t = setInterval(tick, task.everyMs);
    t.unref();
    return t;
  });
  reportTestHooks();
  const ready = options.jobs === false ? Promise.resolve() : startJobWorkers(options.syncConcurrency ?? 5);
  ready.catch((err) => log.error({ err }, "The job queue could not start: tracker pushes wait until it does"));
  log.info({ tasks: tasks.map((t) => t.name), jobs: options.jobs !== false }, "Background worker started");
  return {
    ready,
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
      await stopJobQueue();
    },
  };
}

function reconcileCron(minutes: number): string {
  return minutes < 60 ? `*/${minutes} * * * *` : `0 */${Math.max(1, Math.round(minutes / 60))} * * *`;
}

async function startJobWorkers(syncConcurrency: number): Promise<void> {
  const boss = await startJobQueue();
  const embedded = (await runningJobQueue())?.embedded ?? false;
  // Batches run side by side and are settled job by job (a retry of one never fails the others).
  // A job rescheduled for later wakes nobody with NOTIFY, so polling stays frequent even with it.
  await boss.work(
    QUEUES.backlogSync.name,
    {
      includeMetadata: true,
      batchSize: syncConcurrency,
      burstWhenBatchFull: true,
      perJobResults: true,
      localConcurrency: 2,
      pollingIntervalSeconds: embedded ? 0.5 : 1,
      notifyPollingIntervalSeconds: 2,
    },
    async (jobs: JobWithMetadata<unknown>[]) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            return { id: job.id, status: "completed" as const, output: await runBacklogSyncJob(boss, job) };
          } catch (e) {
            return { id: job.id, status: "failed" as const, output: { message: e instanceof Error ? e.message : String(e) } };
          }
        }),
      ),
  );
  await boss.work(QUEUES.backlogReconcile.name, { pollingIntervalSeconds: 5 }, async () => reconcileBacklogs());
  const minutes = Number(process.env.DEBRIEF_RECONCILE_MINUTES ?? 15);
  await boss.schedule(QUEUES.backlogReconcile.name, reconcileCron(minutes), {}, { singletonKey: "reconcile" });
  // Anything left PENDING by a previous run (or a crash) goes out now.
  await relayPendingSyncs();
}
