/**
 * The review visibility rule is written twice: as a policy (can "review:view") and as a query
 * filter (visibleReviewsWhere). This matrix proves they agree for every role × phase × visibility,
 * and that getReview answers 404 exactly where the policy says no.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { can } from "../../lib/policies";
import { getReview } from "../../lib/reviews/get-review";
import { listReviews } from "../../lib/reviews/list-reviews";
import { toReviewFacts, visibleReviewsWhere } from "../../lib/reviews/review-scope";
import { reviewInclude } from "../../lib/reviews/load-review";
import type { ReviewPhase, ReviewVisibility } from "../../lib/policies/types";
import { buildCast } from "../support/factories";

const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];
const VISIBILITIES: ReviewVisibility[] = ["PARTICIPANTS", "TEAM", "ORGANISATION"];

describe.each(PHASES.flatMap((p) => VISIBILITIES.map((v) => [p, v] as const)))("review in %s, visible to %s", (phase, visibility) => {
  it("is visible through every read path exactly when the policy allows", async () => {
    const { review, actors } = await buildCast(phase, visibility);
    const full = await db().review.findUniqueOrThrow({ where: { id: review.id }, include: reviewInclude });
    for (const [who, actor] of Object.entries(actors)) {
      const allowed = can(actor, "review:view", toReviewFacts(full, actor));
      const byQuery = (await db().review.count({ where: { AND: [{ id: review.id }, visibleReviewsWhere(actor)] } })) === 1;
      expect(byQuery, `${who}: query filter vs policy`).toBe(allowed);
      const inList = (await listReviews(actor, { filter: "all", limit: 100, q: full.title })).items.some((r) => r.id === review.id);
      expect(inList, `${who}: reviews list`).toBe(allowed);
      if (allowed) await expect(getReview(actor, review.id)).resolves.toMatchObject({ id: review.id });
      else await expect(getReview(actor, review.id), `${who}: overview`).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
