import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getReport } from "@/lib/library/get-report";
import { publishReview } from "@/lib/library/publish-review";

export const POST = operationRoute(operations.publishReview, async ({ actor, params, body }) => {
  await publishReview(actor, params.id, body);
  return getReport(actor, params.id);
});
