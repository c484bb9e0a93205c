import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { loadDashboardTable } from "@/lib/insights/load-dashboard";
import { METRICS } from "@/lib/insights/metric-types";
import { insightsQuerySchema } from "@/lib/insights/period";

export const dynamic = "force-dynamic";

const querySchema = insightsQuerySchema.extend({
  metric: z.enum(METRICS, { error: `metric is one of ${METRICS.join(", ")}.` }),
});

/**
 * The table view of one Insights card, fetched when the viewer opens it: the dashboard's own
 * figures (from its cache, so the table matches the chart beside it). Not part of the REST API —
 * scripts use /api/v1/metrics/{metric}, which has every row.
 */
export const GET = apiRoute({ query: querySchema }, async ({ actor, query }) => {
  const { metric, ...period } = query;
  return new Response(JSON.stringify({ table: await loadDashboardTable(actor, metric, period) }), {
    headers: { "content-type": "application/json", "cache-control": "private, no-store" },
  });
});
