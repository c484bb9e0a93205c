/**
 * Issue 6's dashboard benchmark: a year of a large organisation (dashboard-seed.ts: 12 teams, 600
 * people, `reviews` published reviews with findings, actions, accounts and reads) — then, as the
 * organisation's admin, over the last 365 days, the /insights page and the metrics API for the
 * heaviest metrics under `connections` concurrent connections, in rounds interleaved with
 * /api/health on the same server:
 *
 *  1. as the app runs (Insights cached per viewer for 60 s, lib/insights/insights-cache.ts): the
 *     steady state, one computation a minute shared by every admin — and at one connection;
 *  2. with the cache off (DEBRIEF_INSIGHTS_CACHE_SECONDS=0): every request computes its figures —
 *     at `connections` connections and at one (one person opening a dashboard nobody has opened);
 *  3. the SQL alone, in this process (dashboard-sql.ts), with the plans of the slowest statements.
 */
import os from "node:os";
import { resolvePeriod } from "../../lib/insights/period";
import type { Actor } from "../../lib/policies/types";
import { cpuSampler } from "./cpu";
import { timeMetrics } from "./dashboard-sql";
import { DASHBOARD_PEOPLE, DASHBOARD_TEAMS, seedDashboard } from "./dashboard-seed";
import type { DashboardBenchResult, DashboardRow, DashboardSettings } from "./dashboard-types";
import { databaseVersion, type BenchDatabase } from "./database";
import { clean, measureRounds, shareOf, type LoadSettings, type LoadTarget } from "./load";
import { describeMachine } from "./machine";
import { startServer } from "./server";
import { benchRedisUrl } from "./parts";
import { expectPage, signIn } from "./session";
import { median, round } from "./stats";
import type { LoadResult } from "./types";

export const DASHBOARD_P95_TARGET_MS = 300;
const ADMIN = "admin@example.com";
const PERIOD = "365d";
/** The metrics whose SQL costs most (dashboard-sql.ts's timings), measured through the API beside the page. */
export const HEAVY_METRICS = ["readers", "participation", "findings"] as const;
const HEALTH_MARKER = '"status":"ok"';
const PAGE_MARKER = 'aria-label="Key figures"';

const say = (text: string) => console.log(`▸ ${text}`);

type Check = { path: string; marker: string; name: string };

/** Fetches each target once and checks it shows the seeded year (not an empty or a sign-in page). */
async function check(base: string, cookie: string, seeded: number): Promise<Check[]> {
  const page = `/insights?period=${PERIOD}`;
  const html = (await expectPage(base, page, cookie, PAGE_MARKER)).html;
  if (!html.includes("Bench dashboard review")) throw new Error(`${page} does not list the seeded reviews: the bench would measure the wrong thing.`);
  const out: Check[] = [{ name: "Insights page, whole organisation", path: page, marker: PAGE_MARKER }];
  for (const metric of HEAVY_METRICS) {
    const path = `/api/v1/metrics/${metric}?period=${PERIOD}`;
    const json = JSON.parse((await expectPage(base, path, cookie, '"summary":')).html) as { summary: { reviews?: number; findings?: number } };
    const reviews = json.summary.reviews ?? 0;
    if (reviews < seeded * 0.9) throw new Error(`${path} counts ${reviews} reviews, not the ~${seeded} seeded.`);
    out.push({ name: `Metrics API: ${metric}`, path, marker: '"summary":' });
  }
  return out;
}

function withRatios(loads: LoadResult[], perRoundP95: Record<string, number[]>): DashboardRow[] {
  const health = loads.find((l) => l.role === "baseline")!;
  const healthP95 = perRoundP95[health.name] ?? [];
  return loads.map((l) => {
    const ratios = (perRoundP95[l.name] ?? []).flatMap((p, i) => (healthP95[i] ? [p / healthP95[i]!] : []));
    return { ...l, shareOfHealth: l === health ? null : shareOf(l, health), p95VsHealth: l === health || !ratios.length ? null : round(median(ratios), 1) };
  });
}

/** One server (with `env`), its targets under load interleaved with /api/health. */
async function measureServer(db: BenchDatabase, env: Record<string, string>, label: string, settings: (LoadSettings & { pageOnly: boolean })[], seeded: number): Promise<DashboardRow[][]> {
  const server = await startServer(db, env);
  const cpu = await cpuSampler(server.pid, db.serverUrl || null);
  try {
    const cookie = await signIn(server.url, ADMIN);
    const checks = await check(server.url, cookie, seeded);
    const out: DashboardRow[][] = [];
    for (const s of settings) {
      const suffix = `${label}${s.connections === 1 ? ", 1 connection" : ""}`;
      const targets: LoadTarget[] = [
        { name: `Health (${suffix})`, role: "baseline", path: "/api/health", user: null, cookie: null, marker: HEALTH_MARKER, reviews: seeded },
        ...(s.pageOnly ? checks.slice(0, 1) : checks).map((c) => ({ name: `${c.name} (${suffix})`, role: "list" as const, path: c.path, user: ADMIN, cookie, marker: c.marker, reviews: seeded })),
      ];
      say(`Dashboard, ${suffix}: ${targets.length} targets, ${s.rounds} interleaved rounds of ${s.durationS} s × ${s.connections} connections…`);
      const perRound: Record<string, number[]> = {};
      const loads = await measureRounds(server.url, targets, s, cpu, (r, i) => {
        (perRound[r.name] ??= []).push(r.p95);
        const bad = r.non2xx + r.errors + r.mismatches;
        say(`  round ${i + 1} ${r.name.padEnd(58)} ${String(r.rps).padStart(7)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms${bad ? `  ${bad} BAD ${JSON.stringify(r.statusCodes)}` : ""}`);
      });
      out.push(withRatios(loads, perRound));
    }
    return out;
  } finally {
    await cpu.close();
    await server.stop();
  }
}

async function adminActor(url: string): Promise<Actor> {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; name: string | null }>(`SELECT id, name FROM "User" WHERE email = $1 AND role = 'ADMIN'`, [ADMIN]);
    if (!rows[0]) throw new Error(`${ADMIN} is not an admin in the bench database.`);
    return { id: rows[0].id, email: ADMIN, name: rows[0].name, role: "ADMIN", teams: {} };
  } finally {
    await c.end();
  }
}

export async function runDashboardBench(db: BenchDatabase, s: DashboardSettings, distDir: string): Promise<DashboardBenchResult> {
  const machine = describeMachine();
  const env = { NEXT_DIST_DIR: distDir };
  const load: LoadSettings = { connections: s.connections, durationS: s.durationS, warmupS: s.warmupS, rounds: s.rounds };
  say("Dashboard: first start (untimed) so the database has its schema and the demo organisation…");
  await (await startServer(db, env)).stop();
  say(`Dashboard: writing a year of ${DASHBOARD_TEAMS} teams, ${DASHBOARD_PEOPLE} people and ${s.reviews.toLocaleString("en")} published reviews…`);
  const started = performance.now();
  const counts = await db.withConnection((url) => seedDashboard(url, s.reviews, new Date()));
  const seedSeconds = round((performance.now() - started) / 1000);
  say(`  ${seedSeconds} s: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}`);

  const period = await resolvePeriod({ period: PERIOD });
  say("Dashboard: the SQL of every metric in this process (no cache)…");
  const sql = await db.withConnection(async (url) => timeMetrics(url, await adminActor(url), period));
  for (const t of sql.timings) say(`  ${t.metric.padEnd(16)} first ${t.firstMs} ms, median ${t.medianMs} ms, max ${t.maxMs} ms; with every row (API) ${t.apiMedianMs} ms`);
  say(`  the whole dashboard's SQL in one transaction: median ${sql.dashboardMs} ms`);

  const [cached, cachedSingle] = await measureServer(
    db,
    env,
    "cached",
    [
      { ...load, pageOnly: false },
      { ...load, connections: 1, pageOnly: true },
    ],
    s.reviews,
  );
  // With the cache off only the page: every request computes every figure, so the API's metrics add nothing but time.
  const [uncached, single] = await measureServer(
    db,
    { ...env, DEBRIEF_INSIGHTS_CACHE_SECONDS: "0" },
    "cache off",
    [
      { ...load, pageOnly: true },
      { ...load, connections: 1, pageOnly: true },
    ],
    s.reviews,
  );

  // As the app runs, with several web processes: a cached page costs rendering, which one process does on one core.
  const [severalCached] =
    s.webProcesses > 1
      ? await measureServer(db, { ...env, DEBRIEF_WEB_PROCESSES: String(s.webProcesses), REDIS_URL: benchRedisUrl() }, `cached, ${s.webProcesses} processes`, [{ ...load, pageOnly: true }], s.reviews)
      : [undefined];

  const page = (rows: DashboardRow[]) => rows.find((r) => r.path.startsWith("/insights"))!;
  // No response within a round (each took longer than the round) is not a p95 of 0.
  const met = (r: DashboardRow) => r.ok > 0 && r.p95 < DASHBOARD_P95_TARGET_MS;
  const figure = (r: DashboardRow) =>
    r.ok === 0
      ? `no response completed within the ${s.durationS} s rounds`
      : `p95 ${r.p95} ms (p50 ${r.p50} ms, p99 ${r.p99} ms; ${r.rps} req/s, ${((r.shareOfHealth ?? 0) * 100).toFixed(1)}% of /api/health's throughput)`;
  const all = [...cached!, ...cachedSingle!, ...uncached!, ...single!, ...(severalCached ?? [])];
  const targets = [
    { name: `Insights page, whole organisation, ${PERIOD}, ${s.connections} connections, as the app runs (cached)`, target: `p95 < ${DASHBOARD_P95_TARGET_MS} ms`, measured: figure(page(cached!)), met: met(page(cached!)) },
    ...(severalCached
      ? [{ name: `The same, cached, ${s.connections} connections, ${s.webProcesses} web processes (DEBRIEF_WEB_PROCESSES)`, target: `p95 < ${DASHBOARD_P95_TARGET_MS} ms`, measured: figure(page(severalCached)), met: met(page(severalCached)) }]
      : []),
    { name: "The same, cached, 1 connection (one person at a time)", target: `p95 < ${DASHBOARD_P95_TARGET_MS} ms`, measured: figure(page(cachedSingle!)), met: met(page(cachedSingle!)) },
    // The cache off at 20 connections — 20 different viewers' misses at the same moment, queueing
    // on two cores — is a stress figure in the table above, not a target: in the app concurrent
    // requests for one viewer key share one computation, and a key misses at most once a minute.
    { name: "The same with the cache off, 1 connection (one person, a cache miss)", target: `p95 < ${DASHBOARD_P95_TARGET_MS} ms`, measured: figure(page(single!)), met: met(page(single!)) },
    { name: "Every measured response a 2xx with the expected content", target: "0 bad", measured: `${all.reduce((n, r) => n + r.non2xx + r.errors + r.mismatches, 0)} bad of ${all.reduce((n, r) => n + r.ok, 0)}`, met: all.every(clean) },
  ];
  return {
    kind: db.kind,
    machine: { ...machine, loadAverageEnd: round(os.loadavg()[0]!, 2) },
    databaseVersion: await db.withConnection(databaseVersion),
    settings: load,
    admin: ADMIN,
    period: { name: PERIOD, from: period.from.toISOString(), to: period.to.toISOString(), bucket: period.bucket },
    seed: { reviews: s.reviews, teams: DASHBOARD_TEAMS, people: DASHBOARD_PEOPLE, seconds: seedSeconds, counts },
    sql,
    cached: cached!,
    cachedSingle: cachedSingle!,
    ...(severalCached ? { severalCached } : {}),
    uncached: uncached!,
    single: single!,
    targets,
  };
}
