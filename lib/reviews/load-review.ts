import { db } from "../db/client";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { toReviewFacts } from "./review-scope";

export const reviewInclude = {
  incident: { include: { team: { select: { id: true, name: true, slug: true } } } },
  participants: {
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" as const }, { createdAt: "asc" as const }],
  },
};

/**
 * Loads a review the actor may see, with its incident and participants; the same 404 for a
 * missing review and one the actor may not see.
 */
export async function loadVisibleReview(actor: Actor, id: string, tx?: Tx) {
  const review = await (tx ?? db()).review.findUnique({ where: { id }, include: reviewInclude });
  if (!review) throw AppError.notFound("Review");
  const facts = toReviewFacts(review, actor);
  authorize(actor, "review:view", facts, { notFound: "Review" });
  return { review, facts };
}
