/**
 * The Insights SQL on its own, in this process, with no cache in the way: every metric's loader
 * (lib/insights) run through a thin `$queryRaw` on a plain `pg` connection, inside a read-only
 * REPEATABLE READ transaction with JIT off — as insightsTransaction runs them in the server. The
 * first run of each is reported apart ("first": right after the data was written and the server
 * stopped), then the median and max of further runs; then EXPLAIN (ANALYZE, BUFFERS) of the heaviest.
 * Times include the JSON the statements build and its parsing, not Prisma's own overhead.
 */
import pg from "pg";
import type { Prisma } from "../../lib/db/generated/client";
import { CSV_ROWS, DASHBOARD_ROWS, METRICS, type MetricName } from "../../lib/insights/metric-types";
import { METRIC_LOADERS } from "../../lib/insights/metrics";
import type { Period } from "../../lib/insights/period";
import type { Actor } from "../../lib/policies/types";
import { median, round } from "./stats";

export type MetricTiming = {
  metric: MetricName;
  /** With the dashboard's row limit (what the page runs). */
  firstMs: number;
  medianMs: number;
  maxMs: number;
  /** With the API's row limit (every review in the list, for JSON and CSV). */
  apiMedianMs: number;
};

export type MetricPlan = { metric: MetricName; executionMs: number; plan: string };

type Loader = (a: Actor, p: Period, o: { rows: number; client: { $queryRaw: (q: Prisma.Sql) => Promise<unknown[]> } }) => Promise<unknown>;

async function inTransaction<T>(c: pg.Client, fn: () => Promise<T>): Promise<T> {
  await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  await c.query("SELECT set_config('jit', 'off', true)");
  try {
    return await fn();
  } finally {
    await c.query("COMMIT");
  }
}

/** Times every metric `runs` times (after the first) and explains the `explain` slowest ones. */
export async function timeMetrics(url: string, actor: Actor, period: Period, runs = 7, explain = 3): Promise<{ timings: MetricTiming[]; dashboardMs: number; plans: MetricPlan[] }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const last = new Map<MetricName, Prisma.Sql>();
  let current: MetricName = METRICS[0];
  const client = {
    $queryRaw: async (q: Prisma.Sql) => {
      last.set(current, q);
      return (await c.query(q.text, q.values as unknown[])).rows as unknown[];
    },
  };
  const once = async (metric: MetricName, rows: number) => {
    current = metric;
    const started = performance.now();
    await inTransaction(c, () => (METRIC_LOADERS[metric] as Loader)(actor, period, { rows, client }));
    return performance.now() - started;
  };
  try {
    const timings: MetricTiming[] = [];
    for (const metric of METRICS) {
      const firstMs = await once(metric, DASHBOARD_ROWS);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await once(metric, DASHBOARD_ROWS));
      const api: number[] = [];
      for (let i = 0; i < Math.max(3, Math.floor(runs / 2)); i++) api.push(await once(metric, CSV_ROWS));
      timings.push({ metric, firstMs: round(firstMs), medianMs: round(median(times)), maxMs: round(Math.max(...times)), apiMedianMs: round(median(api)) });
    }
    // The whole dashboard's SQL, in one transaction as loadDashboard runs it.
    const whole: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await inTransaction(c, async () => {
        for (const metric of METRICS) {
          current = metric;
          await (METRIC_LOADERS[metric] as Loader)(actor, period, { rows: DASHBOARD_ROWS, client });
        }
      });
      whole.push(performance.now() - started);
    }
    const plans: MetricPlan[] = [];
    for (const t of [...timings].sort((a, b) => b.medianMs - a.medianMs).slice(0, explain)) {
      await once(t.metric, DASHBOARD_ROWS);
      const q = last.get(t.metric)!;
      const result = await inTransaction(c, () => c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]));
      const plan = result.rows.map((r) => r["QUERY PLAN"]).join("\n");
      plans.push({ metric: t.metric, executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN), plan });
    }
    return { timings, dashboardMs: round(median(whole)), plans };
  } finally {
    await c.end();
  }
}
