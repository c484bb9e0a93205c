/**
 * The background worker: delivers queued e-mails and sends automatic reminders. Every task works
 * from state in PostgreSQL and claims its work atomically, so the worker can run in the web
 * process (the default) or as several separate processes (`npm run worker`).
 */
import { log } from "../log";
import { deliverDueEmails } from "../notify/email";
import { sendOverdueReminders } from "../responder-accounts/send-overdue-reminders";

type Task = { name: string; everyMs: number; run: () => Promise<unknown> };

export const TASKS: Task[] = [
  { name: "deliver-emails", everyMs: 2_000, run: () => deliverDueEmails() },
  { name: "overdue-reminders", everyMs: 30_000, run: () => sendOverdueReminders() },
];

/** Starts every task on its interval; `stop()` waits for running tasks to finish. */
export function startWorker(tasks: Task[] = TASKS): { stop: () => Promise<void> } {
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
  log.info({ tasks: tasks.map((t) => t.name) }, "Background worker started");
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
