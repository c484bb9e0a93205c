/**
 * The benchmark on one fresh database: a first, untimed start (migrations and the demo
 * organisation), then the reviews list at a small data set, then start-up times and the full
 * set of pages at the large data set, each against a server started for it.
 */
import { measureRounds, type LoadSettings, type LoadTarget } from "./load";
import { cpuSampler } from "./cpu";
import { databaseVersion, type BenchDatabase } from "./database";
import { BENCH_TITLE, seedReviews } from "./seed";
import { startServer, type BenchServer } from "./server";
import { expectPage, nextPageHref, reviewTitles, signIn } from "./session";
import { median } from "./stats";
import type { LoadResult, StartupResult } from "./types";

export type ScenarioSettings = LoadSettings & {
  startupRuns: number;
  smallReviews: number;
  largeReviews: number;
  /** Also measure the large data set with this many web processes (DEBRIEF_WEB_PROCESSES) sharing Redis; 1: not. */
  webProcesses: number;
  redisUrl: string;
};
export type ScenarioResult = { databaseVersion: string; startup: StartupResult; loads: LoadResult[] };

const FACILITATOR = "facilitator@example.com";
const ADMIN = "admin@example.com";
const HEALTH_MARKER = '"status":"ok"';
const EMPTY_MARKER = "You are not taking part in any review yet";

const say = (text: string) => console.log(`▸ ${text}`);

async function withServer<T>(db: BenchDatabase, fn: (server: BenchServer) => Promise<T>, extraEnv: Record<string, string> = {}): Promise<T> {
  const server = await startServer(db, extraEnv);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** The health endpoint, then `targets`, in interleaved rounds on one server. */
async function run(db: BenchDatabase, server: BenchServer, targets: LoadTarget[], settings: LoadSettings): Promise<LoadResult[]> {
  const reviews = targets[0]!.reviews;
  await expectPage(server.url, "/api/health", "", HEALTH_MARKER);
  const all: LoadTarget[] = [{ name: "Health", role: "baseline", path: "/api/health", user: null, cookie: null, marker: HEALTH_MARKER, reviews }, ...targets];
  say(`${all.length} targets at ${reviews} reviews, ${settings.rounds} interleaved rounds of ${settings.durationS} s × ${settings.connections} connections (first after ${settings.warmupS} s warm-up)…`);
  const cpu = await cpuSampler(server.pid, db.serverUrl || null);
  try {
    return await measureRounds(server.url, all, settings, cpu, (r, i) => {
      const bad = r.non2xx + r.errors + r.mismatches;
      say(`  round ${i + 1} ${r.name.padEnd(30)} ${String(r.rps).padStart(7)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms${bad ? `  ${bad} BAD ${JSON.stringify(r.statusCodes)}` : ""}`);
    });
  } finally {
    await cpu.close();
  }
}

/** The list pages, checked first: a 200 listing seeded reviews, and a second page that differs from the first. */
async function listTargets(server: BenchServer, reviews: number, withSecondPage: boolean): Promise<LoadTarget[]> {
  const facilitator = await signIn(server.url, FACILITATOR);
  const mine = await expectPage(server.url, "/reviews", facilitator, BENCH_TITLE);
  await expectPage(server.url, "/reviews?filter=all", facilitator, BENCH_TITLE);
  const list = (name: string, path: string, user: string, cookie: string): LoadTarget => ({ name, role: "list", path, user, cookie, marker: BENCH_TITLE, reviews });
  const targets = [list("Reviews, Mine, page 1", "/reviews", FACILITATOR, facilitator)];
  if (withSecondPage) {
    const next = nextPageHref(mine.html);
    if (!next) throw new Error("The first page of /reviews has no “Next page” link.");
    const second = await expectPage(server.url, next, facilitator, BENCH_TITLE);
    const first = new Set(reviewTitles(mine.html));
    const titles = reviewTitles(second.html);
    if (titles.length !== 25 || titles.some((t) => first.has(t))) throw new Error(`Page 2 (${next}) does not continue page 1.`);
    targets.push(list("Reviews, Mine, page 2", next, FACILITATOR, facilitator));
  }
  targets.push(list("Reviews, Everything", "/reviews?filter=all", FACILITATOR, facilitator));
  if (withSecondPage) {
    const admin = await signIn(server.url, ADMIN);
    await expectPage(server.url, "/reviews?filter=all", admin, BENCH_TITLE);
    targets.push(list("Reviews, Everything (admin)", "/reviews?filter=all", ADMIN, admin));
    // The admin takes part in no review: "Mine" is the same page with an empty list — the floor a page costs.
    await expectPage(server.url, "/reviews", admin, EMPTY_MARKER);
    targets.push({ name: "Reference: empty Mine (admin)", role: "reference", path: "/reviews", user: ADMIN, cookie: admin, marker: EMPTY_MARKER, reviews });
  }
  return targets;
}

export async function runScenario(db: BenchDatabase, settings: ScenarioSettings): Promise<ScenarioResult> {
  const base = new Date();
  say(`First start (untimed): migrations and the demo organisation…`);
  await withServer(db, async () => {});

  say(`Seeding ${settings.smallReviews} reviews…`);
  const version = await db.withConnection(async (url) => {
    await seedReviews(url, 1, settings.smallReviews, base);
    return databaseVersion(url);
  });
  const loads: LoadResult[] = [];
  await withServer(db, async (server) => {
    loads.push(...(await run(db, server, await listTargets(server, settings.smallReviews, false), settings)));
  });

  say(`Seeding reviews ${settings.smallReviews + 1}–${settings.largeReviews}…`);
  await db.withConnection((url) => seedReviews(url, settings.smallReviews + 1, settings.largeReviews, base));

  const startup: StartupResult = { runsMs: [], medianMs: 0, maxMs: 0, loggedMs: [] };
  for (let i = 1; i <= settings.startupRuns; i++) {
    const server = await startServer(db);
    await server.stop();
    startup.runsMs.push(Math.round(server.readyMs));
    if (server.loggedMs !== null) startup.loggedMs.push(server.loggedMs);
    say(`Start-up ${i}/${settings.startupRuns}: first 200 from /api/health after ${Math.round(server.readyMs)} ms`);
  }
  startup.medianMs = Math.round(median(startup.runsMs));
  startup.maxMs = Math.max(...startup.runsMs);

  await withServer(db, async (server) => {
    loads.push(...(await run(db, server, await listTargets(server, settings.largeReviews, true), settings)));
  });

  const n = settings.webProcesses;
  if (n > 1) {
    say(`The same pages with ${n} web processes (DEBRIEF_WEB_PROCESSES=${n}, REDIS_URL=${settings.redisUrl})…`);
    await withServer(
      db,
      async (server) => {
        const results = await run(db, server, await listTargets(server, settings.largeReviews, true), settings);
        loads.push(...results.map((r) => ({ ...r, name: `${r.name}, ${n} processes`, processes: n })));
      },
      { DEBRIEF_WEB_PROCESSES: String(n), REDIS_URL: settings.redisUrl },
    );
  }
  return { databaseVersion: version, startup, loads };
}
