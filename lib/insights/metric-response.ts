/** What the metric routes answer: the metric as JSON (with its period), or its table as CSV. */
import type { Actor } from "../policies/types";
import { loadMetric } from "./load-metric";
import { csvResponse, metricCsv, metricCsvFilename } from "./metric-csv";
import type { MetricName } from "./metric-types";
import type { MetricData } from "./metrics";
import type { InsightsQuery } from "./period";

export async function metricResponse<M extends MetricName>(actor: Actor, metric: M, query: InsightsQuery & { format?: "json" | "csv" }) {
  const { period, data } = await loadMetric(actor, metric, query);
  if (query.format === "csv") return csvResponse(metricCsv(data.table), metricCsvFilename(metric, period));
  return { period: { from: period.from, to: period.to, label: period.label, bucket: period.bucket, team: period.team }, ...(data as MetricData[M]) };
}
