/**
 * Load with autocannon: N concurrent connections on one URL for a fixed time. Latencies of every
 * good response are kept so percentiles are exact (autocannon reports no p95); a response only
 * counts as good when it is a 2xx whose body contains the expected marker.
 *
 * The machine is shared and noisy, so targets are measured in interleaved rounds (health, page A,
 * page B, …, health, page A, …): a burst of someone else's work then hits one round of every
 * target rather than all of one target, and each target reports its median round.
 */
import autocannon, { type Options } from "autocannon";
import { cpuSpent, type CpuSampler } from "./cpu";
import { median, percentile, round } from "./stats";
import type { LoadResult, LoadRole } from "./types";

export type LoadSettings = { connections: number; durationS: number; warmupS: number; rounds: number };

export type LoadTarget = {
  name: string;
  role: LoadRole;
  path: string;
  /** Who is signed in (for the report), and their Cookie header. */
  user: string | null;
  cookie: string | null;
  /** Text every good response body contains. */
  marker: string;
  /** How many reviews the database held. */
  reviews: number;
};

type Round = Omit<LoadResult, "roundsRps" | "shareOfHealth" | "cpuShareOfHealth" | "serverCpuMs" | "databaseCpuMs"> & { cpu: ReturnType<typeof cpuSpent> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** autocannon stops without waiting for requests in flight: let the server finish them before what comes next. */
const drain = (maxLatencyMs: number) => sleep(Math.min(10_000, Math.max(500, maxLatencyMs * 1.5)));

async function measure(base: string, target: LoadTarget, s: { connections: number; durationS: number; warmupS: number }, cpu?: CpuSampler): Promise<Round> {
  const options: Options = {
    url: `${base}${target.path}`,
    connections: s.connections,
    timeout: 30,
    headers: target.cookie ? { cookie: target.cookie } : {},
    verifyBody: (body) => body.includes(target.marker),
  };
  if (s.warmupS > 0) await drain((await autocannon({ ...options, duration: s.warmupS })).latency.max);
  const latencies: number[] = [];
  const before = (await cpu?.sample()) ?? null;
  const instance = autocannon({ ...options, duration: s.durationS });
  // The body check runs after the "response" event: count latencies now, subtract mismatches below.
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const after = (await cpu?.sample()) ?? null;
  const ok = Math.max(0, latencies.length - result.mismatches);
  return {
    name: target.name,
    role: target.role,
    path: target.path,
    user: target.user,
    reviews: target.reviews,
    durationS: result.duration,
    ok,
    rps: round(ok / result.duration, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.reduce((a, b) => Math.max(a, b), 0)),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, st]) => [code, st.count])),
    cpu: cpuSpent(before, after),
  };
}

/** The median round by throughput (its latencies with it), with the counts of every round added up. */
function summarise(rounds: Round[]): LoadResult {
  const middle = [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor((rounds.length - 1) / 2)]!;
  const sum = (k: "ok" | "non2xx" | "errors" | "timeouts" | "mismatches" | "durationS") => rounds.reduce((n, r) => n + r[k], 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const perRequest = (k: "serverMs" | "databaseMs") =>
    rounds.every((r) => r.cpu[k] !== null) && sum("ok") > 0 ? round(rounds.reduce((n, r) => n + r.cpu[k]!, 0) / sum("ok"), 2) : null;
  const { cpu: _cpu, ...figures } = middle;
  return {
    ...figures,
    durationS: round(sum("durationS")),
    ok: sum("ok"),
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    mismatches: sum("mismatches"),
    statusCodes,
    roundsRps: rounds.map((r) => r.rps),
    shareOfHealth: null,
    cpuShareOfHealth: null,
    serverCpuMs: perRequest("serverMs"),
    databaseCpuMs: perRequest("databaseMs"),
  };
}

/** Measures every target `settings.rounds` times, interleaved; warms each up before its first round. */
export async function measureRounds(
  base: string,
  targets: LoadTarget[],
  settings: LoadSettings,
  cpu?: CpuSampler,
  onRound?: (r: Round, i: number) => void,
): Promise<LoadResult[]> {
  const rounds = targets.map((): Round[] => []);
  for (let i = 0; i < settings.rounds; i++) {
    for (const [k, target] of targets.entries()) {
      const r = await measure(base, target, { ...settings, warmupS: i === 0 ? settings.warmupS : 0 }, cpu);
      rounds[k]!.push(r);
      onRound?.(r, i);
      await drain(r.max);
    }
  }
  return rounds.map(summarise);
}

/** True when every response of the run was a 2xx with the expected content. */
export const clean = (r: LoadResult) => r.non2xx === 0 && r.errors === 0 && r.mismatches === 0;

/** The median over rounds of a page's throughput divided by the baseline's in the same round. */
export function shareOf(page: LoadResult, baseline: LoadResult): number {
  return median(page.roundsRps.map((rps, i) => rps / (baseline.roundsRps[i] ?? NaN)).filter(Number.isFinite));
}

/** CPU per request (server plus database), when measured. */
export const cpuPerRequest = (r: LoadResult) => (r.serverCpuMs === null ? null : r.serverCpuMs + (r.databaseCpuMs ?? 0));

/** How many of the baseline's requests one of the page's costs in CPU, inverted: the share CPU alone allows. */
export function cpuShareOf(page: LoadResult, baseline: LoadResult): number | null {
  const p = cpuPerRequest(page);
  const b = cpuPerRequest(baseline);
  return p && b ? b / p : null;
}
