/** Every figure of the Insights dashboard for one viewer, period and team (cached briefly per viewer). */
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { cachedInsights, viewerKey } from "./insights-cache";
import { insightsTransaction } from "./insights-transaction";
import { DASHBOARD_ROWS, METRICS, type MetricName, type MetricTable } from "./metric-types";
import { METRIC_LOADERS, type MetricData } from "./metrics";
import { resolvePeriod, type InsightsQuery, type Period } from "./period";

const periodKey = (p: Period) => `${p.from.toISOString()}|${p.to.toISOString()}|${p.team?.id ?? "*"}`;

/**
 * The metrics in two lanes of about equal database time (docs/BENCHMARKS.md: readers is the
 * heaviest), each one read-only snapshot on its own connection, so an uncached dashboard uses two
 * database backends at once instead of one after the other. Within a lane the figures share a
 * snapshot; across lanes they may be a moment apart, which no card compares.
 */
const LANE_A: readonly MetricName[] = ["readers", "time-to-publish", "open-actions"];
const LANES: readonly (readonly MetricName[])[] = [LANE_A, METRICS.filter((m) => !LANE_A.includes(m))];

export async function loadDashboard(actor: Actor, period: Period): Promise<MetricData> {
  authorize(actor, "insights:view", null);
  return cachedInsights(`dashboard|${viewerKey(actor)}|${periodKey(period)}`, async () => {
    const lanes = await Promise.all(
      LANES.map((lane) =>
        insightsTransaction(async (tx) => {
          const out: Partial<Record<MetricName, unknown>> = {};
          for (const name of lane) out[name] = await METRIC_LOADERS[name](actor, period, { rows: DASHBOARD_ROWS, client: tx });
          return out;
        }),
      ),
    );
    return Object.assign({}, ...lanes) as MetricData;
  });
}

/**
 * One card's table view, fetched when it is opened (components/insights/metric-card.tsx): from the
 * same cached figures as the dashboard, so the table shows what the chart beside it shows. Sent
 * with the page, the tables were two fifths of its React payload and its rendering time.
 */
export async function loadDashboardTable(actor: Actor, metric: MetricName, query: InsightsQuery): Promise<MetricTable> {
  const data = await loadDashboard(actor, await resolvePeriod(query));
  return data[metric].table;
}
