/** The shapes of benchmark results, as kept in tests/bench/results/<kind>.json and rendered into docs/BENCHMARKS.md. */

export type DatabaseKind = "embedded" | "postgresql";

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the bench started: how busy the (shared) machine was. */
  loadAverage: number;
  /** The same when the bench finished. */
  loadAverageEnd?: number;
  date: string;
};

export type StartupResult = {
  /** Launch to first 200 from /api/health, per run (ms). */
  runsMs: number[];
  medianMs: number;
  maxMs: number;
  /** What the server itself logged as `startupMs` (process start to listening), per run. */
  loggedMs: number[];
};

/** baseline: /api/health; list: a reviews list page held to the targets; reference: a page measured for comparison only. */
export type LoadRole = "baseline" | "list" | "reference";

export type LoadResult = {
  name: string;
  role: LoadRole;
  path: string;
  user: string | null;
  reviews: number;
  durationS: number;
  /** 2xx responses with the expected content. */
  ok: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx responses whose body lacked the expected marker (e.g. a sign-in page). */
  mismatches: number;
  statusCodes: Record<string, number>;
  /** Server CPU ms per good response over all rounds (includes the embedded database, which runs in the server process). */
  serverCpuMs: number | null;
  /** CPU ms of the PostgreSQL backends per good response (local PostgreSQL only). */
  databaseCpuMs: number | null;
  /** Throughput of each interleaved round; the figures above are the median round's. */
  roundsRps: number[];
  /** Median over rounds of rps / the health endpoint's rps in the same round (null for the baseline itself). */
  shareOfHealth: number | null;
  /** The health endpoint's CPU per request / this page's (server + database): the throughput share CPU alone allows. */
  cpuShareOfHealth: number | null;
};

export type TargetCheck = { name: string; target: string; measured: string; met: boolean };

export type BenchRun = {
  kind: DatabaseKind;
  machine: Machine;
  databaseVersion: string;
  settings: { connections: number; durationS: number; warmupS: number; rounds: number; startupRuns: number };
  startup: StartupResult;
  loads: LoadResult[];
  /** The health endpoint's throughput (median round) on the same server in the same run. */
  baselineRps: number;
  /** Each list target at the large data set against the small one: p50 latency, and CPU per request (steadier). */
  growth: { name: string; smallP50: number; largeP50: number; ratio: number; smallCpuMs: number | null; largeCpuMs: number | null; cpuRatio: number | null }[];
  targets: TargetCheck[];
};
