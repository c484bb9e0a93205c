import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { metricResponse } from "@/lib/insights/metric-response";
import { METRICS, type MetricName } from "@/lib/insights/metric-types";
import { insightsQuerySchema } from "@/lib/insights/period";

export const dynamic = "force-dynamic";

/** `/api/v1/metrics/{metric}.csv`: the same as `/api/v1/metrics/{metric}?format=csv` (documented with each metric). */
export const GET = apiRoute({ query: insightsQuerySchema }, async ({ actor, query, request }) => {
  const file = decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? "");
  const metric = file.endsWith(".csv") ? file.slice(0, -4) : "";
  if (!(METRICS as readonly string[]).includes(metric)) throw AppError.notFound("Metric");
  return metricResponse(actor, metric as MetricName, { ...query, format: "csv" });
});
