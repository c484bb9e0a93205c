import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { getReview } from "@/lib/reviews/get-review";

export const GET = operationRoute(operations.getReview, ({ actor, params }) => getReview(actor, params.id));
