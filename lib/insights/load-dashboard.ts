/** Every figure of the Insights dashboard for one viewer, period and team (cached briefly per viewer). */
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { cachedInsights, viewerKey } from "./insights-cache";
import { insightsTransaction } from "./insights-transaction";
import { DASHBOARD_ROWS, METRICS, type MetricName } from "./metric-types";
import { METRIC_LOADERS, type MetricData } from "./metrics";
import type { Period } from "./period";

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
