/**
 * Issue 3's benchmark: responders autosaving their accounts concurrently, on one server, in
 * rounds interleaved with /api/health (health, flat out, paced; then again), then a check that
 * every account holds exactly its client's last acknowledged save. On the same server, before
 * the load: first-load JS of the account page (the editor) and of the review overview.
 */
import { checkAccounts, drive, newTally, type Responder, type Tally } from "./autosave-client";
import { targetBytes } from "./autosave-docs";
import { AUTOSAVE_REVIEW_ID, AUTOSAVE_REVIEW_TITLE, demoGroupReviewId, seedAutosave, storedAccounts } from "./autosave-seed";
import { measureBundles } from "./bundles";
import { cpuSampler, cpuSpent, type CpuSnapshot } from "./cpu";
import type { BenchDatabase } from "./database";
import { measureRounds } from "./load";
import { describeMachine } from "./machine";
import { BENCH_DIST_DIR, startServer } from "./server";
import { expectPage, signIn } from "./session";
import { median, percentile, round } from "./stats";
import type { AutosaveMode, AutosaveResult, BundleResult, LoadResult } from "./types";

export type AutosaveSettings = {
  clients: number;
  /** Seconds of saving per mode, over all rounds. */
  durationS: number;
  /** The paced mode's wait after each answer (the editor debounces saves by 800 ms). */
  pauseMs: number;
  rounds: number;
  warmupS: number;
  /** /api/health: seconds per round, and connections. */
  healthDurationS: number;
  connections: number;
  /** Reviews in the database (for the health row). */
  reviews: number;
};

const HEALTH_MARKER = '"status":"ok"';
const say = (text: string) => console.log(`▸ ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signInAll(base: string, emails: string[], clients: number): Promise<Responder[]> {
  const responders: Responder[] = [];
  for (let i = 0; i < emails.length; i += 5) {
    const batch = emails.slice(i, i + 5);
    const cookies = await Promise.all(batch.map((email) => signIn(base, email)));
    batch.forEach((email, k) => {
      const index = i + k;
      responders.push({ index, email, cookie: cookies[k]!, bytes: targetBytes(index, clients), version: 0, acknowledged: 0, last: null, sent: 0, misordered: 0, errors: 0 });
    });
  }
  return responders;
}

type Round = { saves: number; seconds: number; p50: number; p95: number; p99: number; max: number };
type ModeRounds = { name: string; pauseMs: number; tally: Tally; rounds: Round[]; serverMs: number | null; databaseMs: number | null };

function roundOf(latencies: number[], seconds: number): Round {
  const max = latencies.reduce((a, b) => Math.max(a, b), 0);
  return { saves: latencies.length, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max };
}

/** The round with the median p95 (its saves/s and latencies: a burst of someone else's work on the shared machine spoils one round, not the figure), with every round's counts and CPU. */
function summarise(m: ModeRounds, health: LoadResult[]): AutosaveMode {
  const seconds = m.rounds.reduce((n, r) => n + r.seconds, 0);
  const rps = m.rounds.map((r) => r.saves / r.seconds);
  const mid = [...m.rounds].sort((a, b) => a.p95 - b.p95)[Math.floor((m.rounds.length - 1) / 2)]!;
  const saves = m.tally.latencies.length;
  const bodies = [...m.tally.bodies].sort((a, b) => a - b);
  const kb = (b: number) => round(b / 1024);
  return {
    name: m.name,
    pauseMs: m.pauseMs,
    durationS: round(seconds),
    saves,
    savesPerS: round(mid.saves / mid.seconds),
    p50: round(mid.p50),
    p95: round(mid.p95),
    p99: round(mid.p99),
    max: round(mid.max),
    roundsSavesPerS: rps.map((x) => round(x)),
    roundsP95: m.rounds.map((r) => round(r.p95)),
    allP95: round(percentile(m.tally.latencies, 95)),
    shareOfHealth: median(rps.map((x, i) => x / health[i]!.rps)),
    serverCpuMs: m.serverMs === null || !saves ? null : round(m.serverMs / saves, 2),
    databaseCpuMs: m.databaseMs === null || !saves ? null : round(m.databaseMs / saves, 2),
    errors: m.tally.errors,
    statusCodes: m.tally.statusCodes,
    bodyKB: [kb(bodies[0] ?? 0), kb(median(bodies)), kb(bodies[bodies.length - 1] ?? 0)],
  };
}

export async function runAutosave(db: BenchDatabase, s: AutosaveSettings): Promise<{ autosave: AutosaveResult; bundles: BundleResult[] }> {
  const machine = describeMachine();
  say(`Autosave: adding ${s.clients} responders and a review in INDEPENDENT…`);
  const { emails, groupReviewId } = await db.withConnection(async (url) => ({ emails: await seedAutosave(url, s.clients), groupReviewId: await demoGroupReviewId(url) }));
  const server = await startServer(db);
  const cpu = await cpuSampler(server.pid, db.serverUrl || null);
  const modes: ModeRounds[] = [
    { name: "Autosave, flat out", pauseMs: 0, tally: newTally(), rounds: [], serverMs: 0, databaseMs: 0 },
    { name: `Autosave, paced (${s.pauseMs} ms between saves)`, pauseMs: s.pauseMs, tally: newTally(), rounds: [], serverMs: 0, databaseMs: 0 },
  ];
  const health: LoadResult[] = [];
  let responders: Responder[];
  let bundles: BundleResult[];
  let warmupSaves = 0;
  try {
    say(`Signing in ${s.clients} responders…`);
    responders = await signInAll(server.url, emails, s.clients);
    const first = responders[0]!;
    await expectPage(server.url, `/api/v1/reviews/${AUTOSAVE_REVIEW_ID}/accounts/me`, first.cookie, '"version":0');
    bundles = await measureBundles(
      server.url,
      first.cookie,
      [
        { name: "Review overview", path: `/reviews/${AUTOSAVE_REVIEW_ID}`, route: "/reviews/[id]", marker: AUTOSAVE_REVIEW_TITLE },
        { name: "Account page (editor)", path: `/reviews/${AUTOSAVE_REVIEW_ID}/account`, route: "/reviews/[id]/account", marker: "Your account" },
      ],
      BENCH_DIST_DIR,
    );
    // The group session page (issue 4): the demo's review in GROUP, as its facilitator.
    bundles.push(
      ...(await measureBundles(
        server.url,
        await signIn(server.url, "facilitator@example.com"),
        [{ name: "Group session page", path: `/reviews/${groupReviewId}/session`, route: "/reviews/[id]/session", marker: "Group session" }],
        BENCH_DIST_DIR,
      )),
    );
    for (const b of bundles) say(`First-load JS of ${b.name}: ${b.scripts} scripts, ${b.gzipKB} KB gzip (${b.rawKB} KB raw)`);

    if (s.warmupS > 0) {
      const warm = newTally();
      await drive(server.url, AUTOSAVE_REVIEW_ID, responders, s.warmupS * 1000, 0, warm);
      warmupSaves = warm.latencies.length;
    }
    const perRound = (s.durationS * 1000) / s.rounds;
    say(`Autosave: ${s.rounds} rounds of /api/health (${s.healthDurationS} s), then ${s.clients} clients flat out and paced (${round(perRound / 1000)} s each)…`);
    for (let i = 0; i < s.rounds; i++) {
      const [h] = await measureRounds(
        server.url,
        [{ name: "Health", role: "baseline", path: "/api/health", user: null, cookie: null, marker: HEALTH_MARKER, reviews: s.reviews }],
        { connections: s.connections, durationS: s.healthDurationS, warmupS: i === 0 ? s.warmupS : 0, rounds: 1 },
        cpu,
      );
      health.push(h!);
      for (const m of modes) {
        const before: CpuSnapshot | null = await cpu.sample();
        const saves = m.tally.latencies.length;
        const seconds = await drive(server.url, AUTOSAVE_REVIEW_ID, responders, perRound, m.pauseMs, m.tally);
        const spent = cpuSpent(before, await cpu.sample());
        m.serverMs = m.serverMs === null || spent.serverMs === null ? null : m.serverMs + spent.serverMs;
        m.databaseMs = m.databaseMs === null || spent.databaseMs === null ? null : m.databaseMs + spent.databaseMs;
        const r = roundOf(m.tally.latencies.slice(saves), seconds);
        m.rounds.push(r);
        say(`  round ${i + 1} ${m.name.padEnd(40)} ${round(r.saves / seconds).toString().padStart(6)} saves/s  p50 ${round(r.p50)} ms  p95 ${round(r.p95)} ms  (health ${h!.rps} req/s)`);
        await sleep(500);
      }
    }
  } finally {
    await cpu.close();
    await server.stop();
  }
  const stored = await db.withConnection(storedAccounts);
  const check = checkAccounts(responders, stored);
  say(`Autosave check: ${check.matched}/${check.accounts} accounts hold their last acknowledged save; ${check.lost} lost, ${check.misordered} misordered, ${check.errors} errors`);
  machine.loadAverageEnd = describeMachine().loadAverage;
  const mid = [...health].sort((a, b) => a.rps - b.rps)[Math.floor((health.length - 1) / 2)]!;
  const healthCpu = health.every((h) => h.serverCpuMs !== null) ? round(median(health.map((h) => h.serverCpuMs! + (h.databaseCpuMs ?? 0))), 2) : null;
  return {
    bundles,
    autosave: {
      machine,
      clients: s.clients,
      rounds: s.rounds,
      health: { connections: s.connections, rps: mid.rps, roundsRps: health.map((h) => h.rps), p50: mid.p50, p95: mid.p95, cpuMs: healthCpu },
      modes: modes.map((m) => summarise(m, health)),
      warmupSaves,
      check,
    },
  };
}
