/**
 * Durable jobs on PostgreSQL with pg-boss (docs/decisions/0005-durable-jobs.md): one pg-boss
 * schema (`pgboss`) in Debrief's database, real PostgreSQL or the embedded PGlite alike. On PGlite
 * LISTEN/NOTIFY does not cross connections, so workers poll there (every half second); on
 * PostgreSQL new jobs wake them at once.
 *
 * Each process has at most one queue instance, kept on globalThis so the Next.js route handlers
 * of `npm start` (bundled separately) find the one the worker started in the same process.
 * Payloads are checked with the queue's zod schema before they are sent and when they run.
 */
import { PgBoss, type SendOptions } from "pg-boss";
import pg from "pg";
import { z } from "zod";
import { log } from "../log";

export const QUEUES = {
  /** Push an action to its team's tracker, or send its changes (one job per action at a time). */
  backlogSync: {
    name: "backlog.sync",
    schema: z.object({
      actionId: z.string().min(1).max(64),
      /** Look harder for an existing issue (an earlier attempt may have created it). */
      deep: z.boolean().default(false),
      /** How many times this push was put off by the tracker's rate limit. */
      rateLimited: z.number().int().min(0).default(0),
    }),
    options: { policy: "stately", retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300, heartbeatSeconds: 15, deleteAfterSeconds: 86_400 },
  },
  /** Re-read synced actions from their trackers to catch missed webhooks. */
  backlogReconcile: {
    name: "backlog.reconcile",
    schema: z.object({}).passthrough(),
    options: { policy: "exclusive", retryLimit: 1, expireInSeconds: 900, deleteAfterSeconds: 86_400 },
  },
} as const;

export type QueueKey = keyof typeof QUEUES;
export type Payload<K extends QueueKey> = z.input<(typeof QUEUES)[K]["schema"]>;

type Holder = { boss: PgBoss; embedded: boolean; stopping?: boolean };
const globalJobs = globalThis as unknown as { debriefJobQueue?: Promise<Holder> };

/** True when the database is the embedded PGlite (no LISTEN/NOTIFY across connections). */
async function isPglite(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return /PGlite/i.test(rows[0]?.version ?? "");
  } finally {
    await client.end();
  }
}

export type StartOptions = { databaseUrl?: string; monitorSeconds?: number; poolMax?: number };

/** Starts this process's job queue (creating pg-boss's schema and Debrief's queues on first use). */
export function startJobQueue(options: StartOptions = {}): Promise<PgBoss> {
  globalJobs.debriefJobQueue ??= (async () => {
    const connectionString = options.databaseUrl ?? process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: the job queue needs Debrief's database.");
    const embedded = await isPglite(connectionString);
    const monitor = options.monitorSeconds ?? Number(process.env.DEBRIEF_JOBS_MONITOR_SECONDS ?? 10);
    const boss = new PgBoss({
      connectionString,
      schema: "pgboss",
      application_name: "debrief-jobs",
      max: options.poolMax ?? (embedded ? 2 : 4),
      useListenNotify: !embedded,
      superviseIntervalSeconds: monitor,
      monitorIntervalSeconds: monitor,
    });
    boss.on("error", (err) => log.error({ err }, "job queue error"));
    await boss.start();
    for (const queue of Object.values(QUEUES)) {
      await boss.createQueue(queue.name, { ...queue.options, notify: !embedded });
    }
    log.info({ embedded, listenNotify: !embedded }, "Job queue started");
    return { boss, embedded };
  })();
  const started = globalJobs.debriefJobQueue;
  started.catch(() => {
    if (globalJobs.debriefJobQueue === started) globalJobs.debriefJobQueue = undefined;
  });
  return started.then((h) => h.boss);
}

/** The job queue if this process started one (the worker), else null: callers then leave work to the relay. */
export async function runningJobQueue(): Promise<{ boss: PgBoss; embedded: boolean } | null> {
  const holder = await globalJobs.debriefJobQueue?.catch(() => undefined);
  return holder && !holder.stopping ? holder : null;
}

/** Sends a job after checking its payload; null when the queue's policy already holds one for the key. */
export async function sendJob<K extends QueueKey>(key: K, data: Payload<K>, options: SendOptions = {}, boss?: PgBoss): Promise<string | null> {
  const queue = QUEUES[key];
  const payload = queue.schema.parse(data);
  const target = boss ?? (await runningJobQueue())?.boss;
  if (!target) throw new Error("The job queue is not running in this process.");
  return target.send(queue.name, payload, options);
}

/** Stops the queue, letting running jobs finish for up to `timeoutMs`. */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const holder = await globalJobs.debriefJobQueue?.catch(() => undefined);
  if (!holder) return;
  holder.stopping = true;
  await holder.boss.stop({ graceful: true, timeout: timeoutMs }).catch((err) => log.warn({ err }, "job queue did not stop cleanly"));
  globalJobs.debriefJobQueue = undefined;
}

/**
 * Of `keys`, those with a job of this queue still to run (created, retry or active). The relay
 * uses it to re-send jobs only for work that has none — e.g. after a crash between a commit and
 * its send.
 */
export async function keysWithLiveJobs(key: QueueKey, keys: string[], boss?: PgBoss): Promise<Set<string>> {
  const target = boss ?? (await runningJobQueue())?.boss;
  if (!target || !keys.length) return new Set();
  const { rows } = await target.getDb().executeSql(
    `SELECT DISTINCT singleton_key FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active') AND singleton_key = ANY($2::text[])`,
    [QUEUES[key].name, keys],
  );
  return new Set(rows.map((r: { singleton_key: string }) => r.singleton_key));
}
