import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { commentCounts } from "../timeline/shared-entries";
import { FINDING_CATEGORIES, FINDING_CATEGORY_HINT, FINDING_CATEGORY_LABEL } from "./categories";
import { findingInclude, toFindingView } from "./finding-view";

/** The findings board: every category (empty ones too, so the board shows all five), oldest finding first. */
export async function listFindings(actor: Actor, reviewId: string) {
  const { review, abilities } = await loadSessionReview(actor, reviewId, "read");
  const rows = await db().finding.findMany({ where: { reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: findingInclude });
  const counts = await commentCounts(reviewId, "FINDING", rows.map((f) => f.id));
  const findings = rows.map((f) => toFindingView(f, counts.get(f.id) ?? 0));
  return {
    reviewId,
    phase: review.phase,
    categories: FINDING_CATEGORIES.map((category) => ({
      category,
      label: FINDING_CATEGORY_LABEL[category],
      hint: FINDING_CATEGORY_HINT[category],
      findings: findings.filter((f) => f.category === category),
    })),
    abilities,
  };
}

export type FindingsBoard = Awaited<ReturnType<typeof listFindings>>;
