import { db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { reportDetailsSchema, saveReportDetails, type ReportDetailsInput } from "./report-details";
import { upsertSearchDocument } from "./search-document";

export const updateReportDetailsSchema = reportDetailsSchema.refine((v) => Object.values(v).some((x) => x !== undefined), {
  message: "Send at least one field to change.",
});

/**
 * Saves the report's summary, impact, tags, audience and sensitive-content confirmation: while
 * preparing publication (ACTION_PLANNING), and afterwards as a correction — then the library's
 * search document is rebuilt in the same transaction. The facilitator or an admin.
 */
export async function updateReportDetails(actor: Actor, reviewId: string, input: ReportDetailsInput) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:edit-report", facts, {
    message:
      facts.phase === "ACTION_PLANNING" || facts.phase === "PUBLISHED"
        ? "Only the review's facilitator or an admin writes its report."
        : "The report is prepared once the group has moved to action planning.",
  });
  const published = review.phase === "PUBLISHED";
  const fields = await db().$transaction(async (tx) => {
    const changed = await saveReportDetails(tx, actor.id, review, input, published);
    if (changed.length && published) await upsertSearchDocument(tx, reviewId);
    return changed;
  });
  return { reviewId, fields };
}
