import { db } from "../db/client";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL } from "../findings/categories";
import { actionAbilities } from "../policies";
import type { Actor } from "../policies/types";
import { loadActionReview } from "./action-access";
import { toActionView } from "./action-view";
import { needsDecision } from "./finding-decisions";

const listInclude = {
  team: { select: { id: true, name: true, slug: true } },
  assignee: { select: { id: true, name: true, email: true } },
  findings: { select: { findingId: true } },
  review: { select: { id: true, title: true, phase: true } },
} as const;

/**
 * A review's action plan: its actions (oldest first) with their live status and tracker state,
 * and its findings — each with the actions addressing it, or the group's "no action needed"
 * decision — so findings nobody acted on stand out.
 */
export async function listReviewActions(actor: Actor, reviewId: string, now = new Date()) {
  const { review, facts, abilities } = await loadActionReview(actor, reviewId, "read");
  const [rows, findings] = await Promise.all([
    db().actionItem.findMany({ where: { reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: listInclude }),
    db().finding.findMany({
      where: { reviewId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, category: true, title: true, description: true, noActionReason: true, noActionAt: true, actions: { select: { actionId: true } } },
    }),
  ]);
  const actions = rows.map((a) =>
    toActionView(a, actionAbilities(actor, { ...facts, actionTeamId: a.teamId, isAssignee: a.assigneeId === actor.id }), now),
  );
  const order = (c: (typeof FINDING_CATEGORIES)[number]) => FINDING_CATEGORIES.indexOf(c);
  const findingViews = [...findings]
    .sort((a, b) => order(a.category) - order(b.category))
    .map((f) => {
      const actionIds = f.actions.map((x) => x.actionId);
      const needs = needsDecision(f.category);
      return {
        id: f.id,
        category: f.category,
        categoryLabel: FINDING_CATEGORY_LABEL[f.category],
        title: f.title,
        description: f.description,
        actionIds,
        needsDecision: needs,
        noActionReason: f.noActionReason,
        noActionAt: f.noActionAt,
        /** Needs an action or a "no action needed" decision, and has neither. */
        unaddressed: needs && !actionIds.length && !f.noActionAt,
      };
    });
  return {
    reviewId,
    title: review.title,
    phase: review.phase,
    actions,
    findings: findingViews,
    summary: {
      actions: actions.length,
      agreed: actions.filter((a) => a.agreed).length,
      closed: actions.filter((a) => a.status === "DONE" || a.status === "WONT_DO").length,
      overdue: actions.filter((a) => a.overdue).length,
      unaddressedFindings: findingViews.filter((f) => f.unaddressed).length,
    },
    abilities,
  };
}

export type ReviewActions = Awaited<ReturnType<typeof listReviewActions>>;
