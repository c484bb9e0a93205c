import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getReview } from "@/lib/reviews/get-review";
import { moveReviewPhase } from "@/lib/reviews/move-review-phase";

export const POST = operationRoute(operations.moveReviewPhase, async ({ actor, params, body }) => {
  await moveReviewPhase(actor, params.id, body);
  return getReview(actor, params.id);
});
