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
  /** Web processes serving (DEBRIEF_WEB_PROCESSES); absent: one. */
  processes?: number;
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
  /** Issue 3: responders autosaving their accounts, and first-load JS of the account page vs the review overview. */
  autosave?: AutosaveResult;
  bundles?: BundleResult[];
};

/** First-load JavaScript of one page (KB = 1,024 bytes). */
export type BundleResult = {
  name: string;
  path: string;
  /** The route pattern, as in route-bundle-stats.json. */
  route: string;
  /** Scripts the served HTML loads or names, and their total size raw and gzip-compressed. */
  scripts: number;
  rawKB: number;
  gzipKB: number;
  /** Of those, the scripts carrying the editor's code (they name ProseMirror or Tiptap), gzip-compressed. */
  editorScripts: number;
  editorGzipKB: number;
  /** The HTML document itself, gzip-compressed. */
  htmlGzipKB: number;
  /** The route's first-load chunks as the build recorded them (Turbopack's route-bundle-stats.json), if present. */
  built: { files: number; rawKB: number; gzipKB: number } | null;
};

/** One way of autosaving (flat out, or paced like the editor), over every round. */
export type AutosaveMode = {
  name: string;
  /** How long each client waits after an acknowledged save before sending the next. */
  pauseMs: number;
  durationS: number;
  /** Acknowledged (200) saves while measuring, over all rounds. */
  saves: number;
  /** Throughput and latencies of the round with the median p95. */
  savesPerS: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  roundsSavesPerS: number[];
  roundsP95: number[];
  /** p95 over every acknowledged save of every round. */
  allP95: number;
  /** Median over rounds of saves/s ÷ /api/health's req/s in the same round. */
  shareOfHealth: number;
  /** CPU ms per acknowledged save: the server's processes (with the embedded database), and PostgreSQL's backends. */
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
  /** Non-200 answers (a 409 would be a stale save) and failed requests, while measuring. */
  errors: number;
  statusCodes: Record<string, number>;
  /** Request body sizes (KB): min, median, max. */
  bodyKB: [number, number, number];
};

export type AutosaveResult = {
  machine: Machine;
  clients: number;
  rounds: number;
  /** /api/health, interleaved with the autosave rounds on the same server. */
  health: { connections: number; rps: number; roundsRps: number[]; p50: number; p95: number; cpuMs: number | null };
  modes: AutosaveMode[];
  /** Saves made outside the measured rounds (warm-up), counted in the check only. */
  warmupSaves: number;
  /** Every account compared with its client's record afterwards. */
  check: {
    accounts: number;
    acknowledged: number;
    /** Accounts holding exactly their client's last acknowledged content at version = acknowledged saves. */
    matched: number;
    /** Accounts whose content is not the last acknowledged save. */
    lost: number;
    /** Accounts whose version differs from the acknowledged saves, plus 200s whose version was not the previous + 1. */
    misordered: number;
    /** Non-200 answers and failed requests over the whole run (warm-up included). */
    errors: number;
    problems: string[];
  };
};
