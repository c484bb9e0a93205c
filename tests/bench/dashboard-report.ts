/**
 * The dashboard benchmark's part of the console output and of docs/BENCHMARKS.md, saved in
 * tests/bench/results/dashboard-<kind>.json (one file per database kind).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DashboardBenchResult, DashboardRow } from "./dashboard-types";
import { cpuPerRequest } from "./load";
import { mdTable, table, type Align } from "./tables";
import type { DatabaseKind } from "./types";

const RESULTS_DIR = path.join("tests", "bench", "results");
const file = (kind: DatabaseKind) => path.join(RESULTS_DIR, `dashboard-${kind}.json`);
const KIND: Record<DatabaseKind, string> = { embedded: "Embedded database (PGlite)", postgresql: "PostgreSQL (DATABASE_URL)" };

const HEAD = ["target", "conns", "req/s", "vs health", "p50 ms", "p95 ms", "p99 ms", "p95 ÷ health p95", "CPU ms/req", "req/s by round", "requests", "bad"];
const ALIGN: Align = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l", "r", "r"];
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const cpu = (r: DashboardRow) => {
  const total = cpuPerRequest(r);
  if (total === null) return "—";
  return r.databaseCpuMs === null ? total.toFixed(1) : `${total.toFixed(1)} (db ${r.databaseCpuMs.toFixed(1)})`;
};

function rows(s: DashboardBenchResult) {
  const part = (list: DashboardRow[], connections: number) =>
    list.map((r) => [
      r.role === "baseline" ? `${r.name} — baseline` : r.name,
      connections,
      r.rps,
      pct(r.shareOfHealth),
      r.p50,
      r.p95,
      r.p99,
      r.p95VsHealth === null ? "—" : `${r.p95VsHealth}×`,
      cpu(r),
      r.roundsRps.map((x) => Math.round(x)).join(" / "),
      r.ok,
      r.non2xx + r.errors + r.mismatches,
    ]);
  return [
    ...part(s.cached, s.settings.connections),
    ...part(s.cachedSingle ?? [], 1),
    ...part(s.severalCached ?? [], s.settings.connections),
    ...part(s.uncached, s.settings.connections),
    ...part(s.single, 1),
  ];
}

const SQL_HEAD = ["metric", "first run ms", "median ms", "max ms", "every row (API) median ms"];
const SQL_ALIGN: Align = ["l", "r", "r", "r", "r"];
const sqlRows = (s: DashboardBenchResult) => [
  ...s.sql.timings.map((t) => [t.metric, t.firstMs, t.medianMs, t.maxMs, t.apiMedianMs]),
  ["all seven, one transaction (the page's SQL)", "—", s.sql.dashboardMs, "—", "—"],
];

export function printDashboard(s: DashboardBenchResult): void {
  console.log(
    [
      "",
      `Insights dashboard: ${s.seed.reviews.toLocaleString("en")} published reviews over a year, ${s.settings.connections} connections, ${s.admin}, period ${s.period.name}`,
      "",
      ...table(SQL_HEAD, sqlRows(s), SQL_ALIGN),
      "",
      ...table(HEAD, rows(s), ALIGN),
      "",
      ...table(["target", "goal", "measured", "met"], s.targets.map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"]), ["l", "l", "l", "l"]),
      "",
    ].join("\n"),
  );
}

export async function saveDashboard(run: DashboardBenchResult): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file(run.kind), `${JSON.stringify(run, null, 2)}\n`);
}

/** The "Insights dashboard" section of docs/BENCHMARKS.md from the saved results, or null when there are none. */
export async function dashboardSections(): Promise<string | null> {
  const runs: DashboardBenchResult[] = [];
  for (const kind of ["embedded", "postgresql"] as const) if (existsSync(file(kind))) runs.push(JSON.parse(await readFile(file(kind), "utf8")) as DashboardBenchResult);
  if (!runs.length) return null;
  const out = [
    "## Insights dashboard (issue 6)",
    "",
    "`npm run bench -- --only=dashboard` (also part of a whole run): a year of a large organisation (tests/bench/dashboard-seed.ts) and, as its admin, " +
      "the whole organisation's dashboard over the last 365 days (`/insights?period=365d`) and the metrics API of the heaviest metrics, in rounds " +
      "interleaved with `/api/health` on the same server. Insights are cached per viewer for 60 s (lib/insights/insights-cache.ts), so it is measured " +
      "three ways: as the app runs (the steady state: one computation a minute, shared; at 20 connections and at one), with the cache off (`DEBRIEF_INSIGHTS_CACHE_SECONDS=0`: every " +
      "request computes every figure), and with the cache off at one connection (one person opening a dashboard nobody has opened). The SQL of each " +
      "metric is also timed alone, in the bench's process. Target: dashboard p95 under 300 ms at 20 connections as the app runs (with its Insights cache), " +
      "and for one person meeting a cache miss. The cache off at 20 connections (20 simultaneous misses) is a stress figure in the table, not a target.",
    "",
  ];
  for (const run of runs) out.push(...section(run));
  return out.join("\n");
}

function section(s: DashboardBenchResult): string[] {
  const m = s.machine;
  const c = s.seed.counts;
  const n = (k: string) => (c[k] ?? 0).toLocaleString("en");
  return [
    `### ${KIND[s.kind]}`,
    "",
    `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; ${s.databaseVersion}. ` +
      `1-minute load average ${m.loadAverage} → ${m.loadAverageEnd ?? "?"} (the machine is shared). ` +
      `Data: ${s.seed.teams} teams, ${s.seed.people} people, ${s.seed.reviews.toLocaleString("en")} published reviews spread over the last 365 days ` +
      `(each with an incident, a facilitator and three responders' accounts, four findings, three agreed actions — about 70% done — and 5–15 readers), ` +
      `written in ${s.seed.seconds} s beside the demo organisation: in all ${n("Review")} reviews, ${n("ActionItem")} actions, ${n("Finding")} findings, ` +
      `${n("ReviewRead")} reading records, ${n("ResponderAccount")} accounts, ${n("User")} people. Viewer ${s.admin} (admin: sees everything), period ` +
      `${s.period.from.slice(0, 10)} – ${s.period.to.slice(0, 10)} (by ${s.period.bucket}). ${s.settings.connections} connections, ${s.settings.rounds} interleaved ` +
      `rounds of ${s.settings.durationS} s after a ${s.settings.warmupS} s warm-up.`,
    "",
    "The SQL alone (no cache; the dashboard's row limits, and the API's — every review — in the last column; JIT off, read-only REPEATABLE READ as in the server):",
    "",
    ...mdTable(SQL_HEAD, sqlRows(s), SQL_ALIGN),
    "",
    "Under load. Each row is the target's median round (by throughput); “vs health” is the median over rounds of its throughput ÷ `/api/health`'s in the " +
      "same round, “p95 ÷ health p95” the same for p95. CPU per request counts the server's processes and the database's backends.",
    "",
    ...mdTable(HEAD, rows(s), ALIGN),
    "",
    ...mdTable(["what", "target", "measured", "met"], s.targets.map((t) => [t.name, t.target, t.measured, t.met ? "✅ yes" : "❌ **no**"]), ["l", "l", "l", "l"]),
    "",
    ...s.sql.plans.flatMap((p) => [
      `Query plan of the ${p.metric} metric (dashboard row limit), EXPLAIN (ANALYZE, BUFFERS) with JIT off, on the idle server:`,
      "",
      "```",
      p.plan,
      "```",
      "",
    ]),
  ];
}
