/** What the dashboard benchmark (dashboard.ts) measures and saves. */
import type { MetricPlan, MetricTiming } from "./dashboard-sql";
import type { DatabaseKind, LoadResult, Machine, TargetCheck } from "./types";

/** `webProcesses` above 1: also measure the cached page with that many web processes (DEBRIEF_WEB_PROCESSES). */
export type DashboardSettings = { reviews: number; connections: number; durationS: number; warmupS: number; rounds: number; webProcesses: number };

export type DashboardRow = LoadResult & {
  /** Median over rounds of this target's p95 ÷ /api/health's p95 in the same round. */
  p95VsHealth: number | null;
};

export type DashboardBenchResult = {
  kind: DatabaseKind;
  machine: Machine;
  databaseVersion: string;
  settings: { connections: number; durationS: number; warmupS: number; rounds: number };
  admin: string;
  period: { name: string; from: string; to: string; bucket: "week" | "month" };
  seed: { reviews: number; teams: number; people: number; seconds: number; counts: Record<string, number> };
  /** The SQL alone, in the bench's process, no cache. */
  sql: { timings: MetricTiming[]; dashboardMs: number; plans: MetricPlan[] };
  /** /api/health first, then the page (and the API): the app as it runs (cached), the cache off, the cache off at one connection. */
  cached: DashboardRow[];
  /** The app as it runs, one connection (absent from results saved before it was measured). */
  cachedSingle?: DashboardRow[];
  /** The app as it runs with several web processes (absent when not measured). */
  severalCached?: DashboardRow[];
  uncached: DashboardRow[];
  single: DashboardRow[];
  targets: TargetCheck[];
};
