import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { metricResponse } from "@/lib/insights/metric-response";

export const dynamic = "force-dynamic";

export const GET = operationRoute(operations.getParticipationMetric, ({ actor, query }) => metricResponse(actor, "participation", query));
