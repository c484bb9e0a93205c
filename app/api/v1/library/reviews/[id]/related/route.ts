import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getReport } from "@/lib/library/get-report";
import { relatedReviews } from "@/lib/library/related-reviews";

export const GET = operationRoute(operations.listRelatedReviews, async ({ actor, params, query }) => {
  await getReport(actor, params.id, { publishedOnly: true });
  return { items: await relatedReviews(actor, params.id, { limit: query.limit }) };
});
