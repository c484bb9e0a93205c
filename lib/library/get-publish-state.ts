import { AppError } from "../errors";
import { can, reportAbilities } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { loadPublishChecklist } from "./publish-checklist";

/**
 * What the publish page shows: the checklist with links to fix each item, and the report's
 * details as saved so far. For the facilitator and admins while the review is in action planning
 * (and afterwards, to correct the published details); others who may see the review get a 403.
 */
export async function getPublishState(actor: Actor, reviewId: string) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  if (!can(actor, "review:edit-report", facts)) {
    const early = review.phase !== "ACTION_PLANNING" && review.phase !== "PUBLISHED";
    throw new AppError(
      early ? "CONFLICT" : "FORBIDDEN",
      early ? "A review is published after its group session, from action planning." : "Only the review's facilitator or an admin publishes it.",
    );
  }
  const checklist = await loadPublishChecklist(reviewId);
  return {
    id: review.id,
    title: review.title,
    phase: review.phase,
    publishedAt: review.publishedAt,
    incident: { id: review.incident.id, title: review.incident.title, severity: review.incident.severity, team: review.incident.team, services: review.incident.services },
    details: {
      summary: review.summary ?? "",
      impact: review.impact ?? "",
      tags: review.tags,
      visibility: review.visibility,
      sensitiveReviewedAt: review.sensitiveReviewedAt,
    },
    checklist,
    ready: checklist.every((i) => i.met || i.id === "summary" || i.id === "sensitive"),
    abilities: reportAbilities(actor, facts),
  };
}

export type PublishState = Awaited<ReturnType<typeof getPublishState>>;
