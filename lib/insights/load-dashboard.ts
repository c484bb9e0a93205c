/** Every figure of the Insights dashboard for one viewer, period and team (cached briefly per viewer). */
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { cachedInsights, viewerKey } from "./insights-cache";
import { insightsTransaction } from "./insights-transaction";
import { DASHBOARD_ROWS, METRICS } from "./metric-types";
import { METRIC_LOADERS, type MetricData } from "./metrics";
import type { Period } from "./period";

const periodKey = (p: Period) => `${p.from.toISOString()}|${p.to.toISOString()}|${p.team?.id ?? "*"}`;

export async function loadDashboard(actor: Actor, period: Period): Promise<MetricData> {
  authorize(actor, "insights:view", null);
  return cachedInsights(`dashboard|${viewerKey(actor)}|${periodKey(period)}`, () =>
    insightsTransaction(async (tx) => {
      const out: Partial<Record<string, unknown>> = {};
      for (const name of METRICS) out[name] = await METRIC_LOADERS[name](actor, period, { rows: DASHBOARD_ROWS, client: tx });
      return out as MetricData;
    }),
  );
}
