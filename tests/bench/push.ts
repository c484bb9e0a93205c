/**
 * The push benchmark: a review with 200 agreed actions is published for a team that pushes
 * automatically, into a fake GitHub on 127.0.0.1 that allows 10 requests/s (429 + Retry-After
 * beyond that) and answers in 50 ms — once healthy, once failing 20% of requests with 500 or 429.
 * The real worker (pg-boss jobs, the relay, the per-connection gate) runs in this process. It
 * measures the time from the publishing commit until every action is in the tracker, and checks
 * zero duplicates (one issue per marker) and zero losses (every action SYNCED with its issue).
 */
import { randomUUID } from "node:crypto";
import { queueAutoPushes } from "../../lib/backlog/auto-push";
import { connectBacklog } from "../../lib/backlog/connect-backlog";
import { relayPendingSyncs } from "../../lib/backlog/relay";
import { db, disconnectDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { reloadEnv } from "../../lib/env";
import { startWorker } from "../../lib/jobs/worker";
import { actorFor } from "../support/factories";
import { startFakeGithub } from "../support/trackers/github";
import type { FakeServerOptions } from "../support/trackers/fake-server";
import { databaseVersion, type BenchDatabase } from "./database";
import { percentile, round } from "./stats";
import type { DatabaseKind } from "./types";

export type PushScenario = { name: string; actions: number; trackerRps: number; latencyMs: number; failureRate: number };
export type PushResult = PushScenario & {
  durationS: number;
  pushedPerS: number;
  /** Seconds from the publishing commit until each action was SYNCED: median and slowest. */
  p50S: number;
  maxS: number;
  requests: number;
  /** Answers the tracker gave that were 429 (its rate limit, or injected) and 5xx (injected). */
  rateLimited: number;
  serverErrors: number;
  /** Job attempts that failed (5xx, network) and were retried by pg-boss with backoff. */
  retries: number;
  /** Jobs re-sent for later because the tracker asked for a wait longer than the gate sleeps through. */
  postponed: number;
  /** Requests the tracker accepted (not 429) per second over the whole push, against its ceiling. */
  acceptedPerS: number;
  /** Seconds the tracker's rate alone needs: a search for the marker and a create per action. */
  floorS: number;
  duplicates: number;
  lost: number;
  completed: boolean;
};
export type PushRun = { kind: DatabaseKind; databaseVersion: string; date: string; results: PushResult[] };

export const PUSH_SCENARIOS: PushScenario[] = [
  { name: "healthy tracker", actions: 200, trackerRps: 10, latencyMs: 50, failureRate: 0 },
  { name: "tracker failing 20% (500 / 429)", actions: 200, trackerRps: 10, latencyMs: 50, failureRate: 0.2 },
];

const TIMEOUT_MS = 10 * 60_000;

async function seed(actions: number) {
  const tag = randomUUID().slice(0, 8);
  const pm = await db().user.create({ data: { email: `pm-${tag}@bench.example`, name: "Bench PM" } });
  const team = await db().team.create({ data: { name: `Bench ${tag}`, slug: `bench-${tag}`, memberships: { create: { userId: pm.id, role: "PRODUCT_MANAGER" } } } });
  const incident = await db().incident.create({ data: { title: "Bench incident", severity: "SEV2", startedAt: new Date(), detectedAt: new Date(), teamId: team.id } });
  const review = await db().review.create({ data: { incidentId: incident.id, title: `Bench review ${tag}`, phase: "ACTION_PLANNING" } });
  await db().actionItem.createMany({
    data: Array.from({ length: actions }, (_, i) => ({
      reviewId: review.id,
      teamId: team.id,
      title: `Bench action ${i + 1}`,
      description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Step ${i + 1} of the plan.` }] }] },
      descriptionText: `Step ${i + 1} of the plan.`,
      priority: (["HIGH", "MEDIUM", "LOW"] as const)[i % 3],
      rank: `a${String(i).padStart(5, "0")}`,
      agreedAt: new Date(),
      dueDate: new Date(Date.UTC(2031, 0, 1 + (i % 28))),
    })),
  });
  return { pm: await actorFor(pm.id), team, review };
}

async function runScenario(scenario: PushScenario): Promise<PushResult> {
  const failures: FakeServerOptions["randomFailures"] = [{ status: 500, body: { message: "Server Error" } }, { status: 429 }];
  const gh = await startFakeGithub({ requestsPerSecond: scenario.trackerRps, latencyMs: scenario.latencyMs, failureRate: scenario.failureRate, randomFailures: failures });
  const worker = startWorker({ tasks: [{ name: "tracker-sync-relay", everyMs: 2_000, run: () => relayPendingSyncs() }] });
  try {
    await worker.ready;
    const { pm, team, review } = await seed(scenario.actions);
    await connectBacklog(pm, team.id, { provider: "github", baseUrl: gh.url, owner: gh.owner, repo: gh.repo, token: gh.token, autoPush: true });
    const ids = (await db().actionItem.findMany({ where: { reviewId: review.id }, select: { id: true } })).map((a) => a.id);

    // Publication: the phase change and the auto-push hook commit together.
    const t0 = Date.now();
    await db().$transaction(async (tx) => {
      await tx.review.update({ where: { id: review.id }, data: { phase: "PUBLISHED", publishedAt: new Date() } });
      await queueAutoPushes(tx, review.id);
    });
    const syncedAt = new Map<string, number>();
    let completed = false;
    while (Date.now() - t0 < TIMEOUT_MS) {
      const synced = await db().actionItem.findMany({ where: { id: { in: ids }, syncState: "SYNCED" }, select: { id: true } });
      for (const s of synced) if (!syncedAt.has(s.id)) syncedAt.set(s.id, Date.now() - t0);
      if (synced.length === ids.length) {
        completed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const durationMs = Math.max(0, ...syncedAt.values());

    const rows = await db().actionItem.findMany({ where: { id: { in: ids } }, select: { id: true, syncState: true, externalId: true } });
    const perMarker = new Map<string, number>();
    for (const issue of gh.issues) {
      const id = /debrief-action:([\w-]+)/.exec(issue.body ?? "")?.[1];
      if (id) perMarker.set(id, (perMarker.get(id) ?? 0) + 1);
    }
    const issueIds = new Set(gh.issues.map((i) => String(i.id)));
    const duplicates = [...perMarker.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lost = rows.filter((r) => r.syncState !== "SYNCED" || !r.externalId || !issueIds.has(r.externalId) || perMarker.get(r.id) !== 1).length;
    const [jobs] = await db().$queryRaw<{ retries: bigint; jobs: bigint; actions: bigint }[]>`
      SELECT coalesce(sum(retry_count), 0)::bigint AS retries, count(*)::bigint AS jobs, count(DISTINCT singleton_key)::bigint AS actions
      FROM pgboss.job WHERE name = 'backlog.sync' AND singleton_key = ANY(${ids}::text[])`;
    const retries = Number(jobs?.retries ?? 0);
    if (gh.unexpected.length) throw new Error(`The worker sent ${gh.unexpected.length} requests the fake GitHub does not know, e.g. ${gh.unexpected[0]!.method} ${gh.unexpected[0]!.path}`);
    const times = [...syncedAt.values()];
    return {
      ...scenario,
      durationS: round(durationMs / 1000, 1),
      pushedPerS: round(syncedAt.size / Math.max(0.001, durationMs / 1000), 2),
      p50S: round(percentile(times, 50) / 1000, 1),
      maxS: round(durationMs / 1000, 1),
      requests: gh.requests.length,
      rateLimited: gh.requests.filter((r) => r.status === 429).length,
      serverErrors: gh.requests.filter((r) => (r.status ?? 0) >= 500).length,
      retries,
      postponed: Number(jobs?.jobs ?? 0) - Number(jobs?.actions ?? 0),
      acceptedPerS: round(gh.requests.filter((r) => r.status !== 429).length / Math.max(0.001, durationMs / 1000), 2),
      floorS: round((2 * scenario.actions) / scenario.trackerRps, 1),
      duplicates,
      lost,
      completed,
    };
  } finally {
    await worker.stop();
    await gh.stop();
  }
}

/** Runs every scenario against `database` (migrated here), one after the other. */
export async function runPushBench(database: BenchDatabase, scenarios = PUSH_SCENARIOS): Promise<PushRun> {
  return database.withConnection(async (url) => {
    await migrate(url);
    process.env.DATABASE_URL = url;
    process.env.DEBRIEF_ENCRYPTION_KEY ??= Buffer.from(randomUUID().replace(/-/g, "")).toString("base64");
    process.env.APP_URL ??= "http://debrief.bench";
    process.env.LOG_LEVEL ??= "warn";
    reloadEnv();
    await disconnectDb();
    try {
      const results: PushResult[] = [];
      for (const scenario of scenarios) {
        console.log(`  · ${scenario.name}: ${scenario.actions} actions, tracker at ${scenario.trackerRps} requests/s, ${scenario.latencyMs} ms…`);
        results.push(await runScenario(scenario));
      }
      return { kind: database.kind, databaseVersion: await databaseVersion(url), date: new Date().toISOString(), results };
    } finally {
      await disconnectDb();
    }
  });
}
