/** One metric for the REST API and its CSV: the full per-item list (up to CSV_ROWS), cached briefly per viewer. */
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { cachedInsights, viewerKey } from "./insights-cache";
import { insightsTransaction } from "./insights-transaction";
import { CSV_ROWS, type MetricName } from "./metric-types";
import { METRIC_LOADERS, type MetricData } from "./metrics";
import { resolvePeriod, type InsightsQuery, type Period } from "./period";

export async function loadMetric<M extends MetricName>(actor: Actor, metric: M, query: InsightsQuery): Promise<{ period: Period; data: MetricData[M] }> {
  authorize(actor, "insights:view", null);
  const period = await resolvePeriod(query);
  const key = `metric|${metric}|${viewerKey(actor)}|${period.from.toISOString()}|${period.to.toISOString()}|${period.team?.id ?? "*"}`;
  const load = METRIC_LOADERS[metric] as (a: Actor, p: Period, o: object) => Promise<MetricData[M]>;
  const data = await cachedInsights(key, () => insightsTransaction((tx) => load(actor, period, { rows: CSV_ROWS, client: tx })));
  return { period, data };
}
