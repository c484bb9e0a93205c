/**
 * Issue 5's backlog benchmark: a product manager's team backlog with 5,000 actions under load —
 * 20 concurrent connections by default — in rounds interleaved with /api/health on the same
 * server (the baseline), reporting p95 latency and its ratio to health's p95 in the same round,
 * throughput, and CPU per request. Before the load it checks what it will measure: each page is a
 * 200 listing seeded actions, and a deep page continues where the cursor says.
 */
import os from "node:os";
import { cpuSampler } from "./cpu";
import { databaseVersion, type BenchDatabase } from "./database";
import { measureRounds, shareOf, type LoadSettings, type LoadTarget } from "./load";
import { describeMachine } from "./machine";
import { BACKLOG_ACTIONS, BENCH_ACTION, seedBacklog } from "./backlog-seed";
import { startServer } from "./server";
import { expectPage, getPage, signIn } from "./session";
import { median, round } from "./stats";
import type { LoadResult, Machine } from "./types";

const PM = "pm@example.com";
const HEALTH_MARKER = '"status":"ok"';
const LIST_MARKER = 'aria-label="Backlog of Payments';

export type BacklogRow = LoadResult & {
  /** Median over rounds of this target's p95 ÷ /api/health's p95 in the same round. */
  p95VsHealth: number | null;
};

export type BacklogRun = {
  kind: "embedded" | "postgresql";
  machine: Machine;
  databaseVersion: string;
  settings: LoadSettings;
  actions: number;
  reviews: number;
  rows: BacklogRow[];
};

const say = (text: string) => console.log(`▸ ${text}`);

/** The rows of the backlog list on a page. */
const rowsOn = (html: string) => html.match(/<li[^>]*data-action-id=/g)?.length ?? 0;

async function checkTargets(base: string, cookie: string, teamId: string, deepCursor: string, deepTitle: string): Promise<LoadTarget[]> {
  const first = await expectPage(base, "/teams/payments/backlog", cookie, LIST_MARKER);
  if (rowsOn(first.html) !== 50) throw new Error(`The first backlog page lists ${rowsOn(first.html)} actions, not 50.`);
  if (!first.html.includes("Next page")) throw new Error("The first backlog page has no “Next page” link.");
  const deepPath = `/teams/payments/backlog?cursor=${deepCursor}`;
  const deep = await expectPage(base, deepPath, cookie, LIST_MARKER);
  if (!deep.html.includes(deepTitle) || rowsOn(deep.html) !== 50) throw new Error(`The deep page (${deepPath}) does not start at “${deepTitle}” with 50 actions.`);
  const overduePath = "/teams/payments/backlog?status=all&order=overdue-first";
  await expectPage(base, overduePath, cookie, LIST_MARKER);
  const apiPath = `/api/v1/teams/${teamId}/backlog`;
  const api = await getPage(base, apiPath, cookie);
  const json = JSON.parse(api.html) as { items?: unknown[]; nextCursor?: string | null };
  if (api.status !== 200 || json.items?.length !== 50 || !json.nextCursor) throw new Error(`GET ${apiPath} answered ${api.status} without a full page and a cursor.`);
  await expectPage(base, "/reviews", cookie, "Reviews");
  const t = (name: string, path: string, marker: string, role: LoadTarget["role"] = "list"): LoadTarget => ({ name, role, path, user: PM, cookie, marker, reviews: BACKLOG_ACTIONS });
  return [
    t("Backlog, page 1", "/teams/payments/backlog", LIST_MARKER),
    t("Backlog, a page halfway down", deepPath, BENCH_ACTION),
    t("Backlog, every status, overdue first", overduePath, LIST_MARKER),
    t("Backlog API, page 1 (JSON)", apiPath, '"items":['),
    t("Reference: reviews list, Mine", "/reviews", "Reviews", "reference"),
  ];
}

/** Seeds the backlog, starts a server, checks the pages, and measures them against /api/health. */
export async function runBacklogBench(db: BenchDatabase, settings: LoadSettings, distDir: string): Promise<BacklogRun> {
  const machine = describeMachine();
  const env = { NEXT_DIST_DIR: distDir };
  say("Backlog bench: first start (untimed) for migrations and the demo organisation…");
  await (await startServer(db, env)).stop();
  say(`Seeding a Payments backlog of ${BACKLOG_ACTIONS.toLocaleString("en")} actions…`);
  const { seed, version } = await db.withConnection(async (url) => ({ seed: await seedBacklog(url), version: await databaseVersion(url) }));
  const server = await startServer(db, env);
  try {
    const cookie = await signIn(server.url, PM);
    const targets = await checkTargets(server.url, cookie, seed.teamId, seed.deepCursor, seed.deepTitle);
    await expectPage(server.url, "/api/health", "", HEALTH_MARKER);
    const all: LoadTarget[] = [{ name: "Health", role: "baseline", path: "/api/health", user: null, cookie: null, marker: HEALTH_MARKER, reviews: BACKLOG_ACTIONS }, ...targets];
    say(`${all.length} targets, ${settings.rounds} interleaved rounds of ${settings.durationS} s × ${settings.connections} connections (first after ${settings.warmupS} s warm-up)…`);
    const cpu = await cpuSampler(server.pid, db.serverUrl || null);
    let loads: LoadResult[];
    const perRound: Record<string, number[]> = {};
    try {
      loads = await measureRounds(server.url, all, settings, cpu, (r, i) => {
        (perRound[r.name] ??= []).push(r.p95);
        const bad = r.non2xx + r.errors + r.mismatches;
        say(`  round ${i + 1} ${r.name.padEnd(38)} ${String(r.rps).padStart(7)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms${bad ? `  ${bad} BAD ${JSON.stringify(r.statusCodes)}` : ""}`);
      });
    } finally {
      await cpu.close();
    }
    const health = loads.find((l) => l.role === "baseline")!;
    const healthP95 = perRound[health.name] ?? [];
    const rows: BacklogRow[] = loads.map((l) => {
      const p95s = perRound[l.name] ?? [];
      const ratios = p95s.flatMap((p, i) => (healthP95[i] ? [p / healthP95[i]!] : []));
      return {
        ...l,
        shareOfHealth: l === health ? null : shareOf(l, health),
        cpuShareOfHealth: null,
        p95VsHealth: l === health || !ratios.length ? null : round(median(ratios), 1),
      };
    });
    return { kind: db.kind, machine: { ...machine, loadAverageEnd: round(os.loadavg()[0]!, 2) }, databaseVersion: version, settings, actions: seed.actions, reviews: seed.reviewCount, rows };
  } finally {
    await server.stop();
  }
}
