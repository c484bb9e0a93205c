import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { createReview } from "@/lib/reviews/create-review";
import { getReview } from "@/lib/reviews/get-review";
import { listReviews } from "@/lib/reviews/list-reviews";

export const GET = operationRoute(operations.listReviews, ({ actor, query }) => listReviews(actor, query));

export const POST = operationRoute(operations.createReview, async ({ actor, body }) => {
  const review = await createReview(actor, body);
  return getReview(actor, review.id);
});
