/**
 * Loading a review's actions or one action with the rules of lib/policies/action-items.ts applied
 * in one place, so every use case answers the same way:
 *
 * - 404 for anyone who may not see the review's actions or the action (as for a missing id) —
 *   except the review's participants and admins before the group session, who are told (409)
 *   that actions are planned later;
 * - 409 for a change the phase does not allow (planning before ACTION_PLANNING; anything but
 *   progress after publication);
 * - 403 for a change the actor's role does not allow (observers, members of other teams).
 */
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { actionAbilities, can, isAdmin, reviewActionAbilities, type ActionFacts } from "../policies";
import type { Actor, ReviewFacts } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { toReviewFacts } from "../reviews/review-scope";

const NOT_YET = "Actions are planned once the group session has ended, in action planning.";
const PUBLISHED = "The review is published: its actions' content is settled. Their status, assignee and due date still change.";
const OBSERVE = "Observers follow action planning; the facilitator, responders and admins plan the actions.";

/** The review (with incident and participants) when the actor may `need` its actions now. */
export async function loadActionReview(actor: Actor, reviewId: string, need: "read" | "plan", tx?: Tx) {
  const { review, facts } = await loadVisibleReview(actor, reviewId, tx);
  if (!can(actor, "review:read-actions", facts)) {
    const knows = isAdmin(actor) || facts.myRole !== null;
    if (knows && (facts.phase === "PREPARING" || facts.phase === "INDEPENDENT")) throw new AppError("CONFLICT", NOT_YET);
    throw AppError.notFound("Review");
  }
  if (need === "plan") assertPlanning(actor, facts);
  return { review, facts, abilities: reviewActionAbilities(actor, facts) };
}

function assertPlanning(actor: Actor, facts: ReviewFacts): void {
  if (can(actor, "review:plan-actions", facts)) return;
  if (facts.phase === "PUBLISHED") throw new AppError("CONFLICT", PUBLISHED);
  if (facts.phase !== "ACTION_PLANNING") throw new AppError("CONFLICT", NOT_YET);
  throw new AppError("FORBIDDEN", OBSERVE);
}

export const actionReviewSelect = {
  id: true,
  title: true,
  phase: true,
  visibility: true,
  incident: { select: { teamId: true } },
  participants: { select: { userId: true, role: true } },
} as const;

export const actionInclude = {
  team: { select: { id: true, name: true, slug: true } },
  assignee: { select: { id: true, name: true, email: true } },
  findings: { select: { findingId: true } },
  review: { select: actionReviewSelect },
} as const;

/** What one action lets the actor do; the facts policies decide on. */
export function actionFactsOf(actor: Actor, action: { teamId: string; assigneeId: string | null; review: Parameters<typeof toReviewFacts>[0] }): ActionFacts {
  return { ...toReviewFacts(action.review, actor), actionTeamId: action.teamId, isAssignee: action.assigneeId === actor.id };
}

/** An action the actor may see, with its facts and abilities; the same 404 as for a missing id otherwise. */
export async function loadAction(actor: Actor, id: string, tx?: Tx) {
  const action = await (tx ?? db()).actionItem.findUnique({ where: { id }, include: actionInclude });
  if (!action) throw AppError.notFound("Action");
  const facts = actionFactsOf(actor, action);
  if (!can(actor, "action:view", facts)) throw AppError.notFound("Action");
  return { action, facts, abilities: actionAbilities(actor, facts) };
}

export type LoadedAction = Awaited<ReturnType<typeof loadAction>>["action"];

/** What a change to an action needs; see lib/policies/action-items.ts. */
export type ActionNeed = "edit" | "update-progress" | "prioritise" | "rank";

/** Throws the right error unless the actor may make this kind of change to the action now. */
export function assertActionChange(actor: Actor, facts: ActionFacts, need: ActionNeed): void {
  if (can(actor, `action:${need}`, facts)) return;
  const planner = isAdmin(actor) || facts.myRole === "FACILITATOR" || facts.myRole === "RESPONDER";
  if (need === "edit") {
    if (facts.phase === "PUBLISHED") throw new AppError("CONFLICT", PUBLISHED);
    if (facts.phase !== "ACTION_PLANNING") throw new AppError("CONFLICT", NOT_YET);
    throw new AppError("FORBIDDEN", facts.myRole === "OBSERVER" ? OBSERVE : "While the review is in action planning, its facilitator, responders and admins change its actions.");
  }
  if (need === "update-progress") {
    if (facts.phase === "ACTION_PLANNING")
      throw new AppError("FORBIDDEN", facts.myRole === "OBSERVER" ? OBSERVE : "While the review is in action planning, its facilitator, responders and admins change its actions; the team takes over once it is published.");
    if (facts.phase !== "PUBLISHED") throw new AppError("CONFLICT", NOT_YET);
    throw new AppError("FORBIDDEN", planner ? "After publication the owning team's members, the assignee and admins update an action's progress." : "Only the owning team's members, the assignee and admins update this action's progress.");
  }
  if (need === "prioritise") throw new AppError("FORBIDDEN", "The owning team's product managers and admins set priorities (and the group, while planning).");
  throw new AppError("FORBIDDEN", "The owning team's product managers and admins rank its backlog.");
}
