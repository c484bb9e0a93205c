import { z } from "zod";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { moveReviewPhase } from "../reviews/move-review-phase";
import { impactSchema, saveReportDetails, summarySchema, tagsSchema, visibilitySchema } from "./report-details";

export const publishReviewSchema = z.object({
  summary: summarySchema.min(1, "Write two or three sentences: what happened and what was learned."),
  impact: impactSchema.optional(),
  tags: tagsSchema.optional(),
  visibility: visibilitySchema,
  sensitiveReviewed: z
    .preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "Confirm you checked the report for sensitive content." }))
    .describe("Must be true: the facilitator checked the report for secrets, customer data and personal details."),
});
export type PublishReviewInput = z.output<typeof publishReviewSchema>;

/**
 * Publishes a review with its report's summary, impact, tags and audience, in one transaction:
 * the details are saved, the publish checklist is checked against them, and the review moves to
 * PUBLISHED (which builds its search document). When the checklist is not met the whole
 * transaction is refused with a 409 listing what is missing, and nothing is stored.
 */
export async function publishReview(actor: Actor, reviewId: string, input: PublishReviewInput) {
  const { review } = await loadVisibleReview(actor, reviewId);
  return moveReviewPhase(
    actor,
    reviewId,
    { to: "PUBLISHED" },
    { prepare: async (tx) => void (await saveReportDetails(tx, actor.id, review, { ...input, sensitiveReviewed: true }, false)) },
  );
}
