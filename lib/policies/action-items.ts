/**
 * Improvement actions and team backlogs.
 *
 * - A review's actions are read where its session is read: from the reveal on by its participants
 *   and admins, and after publication by whoever may see the review (per its visibility). The
 *   owning team's members and the assignee read an action too (in the team backlog), whatever the
 *   review's visibility: the work is theirs.
 * - Planning — creating, editing every field, linking findings, agreeing, deleting, recording
 *   "no action needed" for a finding — happens while the review is in ACTION_PLANNING, by its
 *   facilitator, its responders and admins. Observers read.
 * - After publication an action's content is settled; only its progress changes — status,
 *   assignee, due date — by the owning team's members (product managers included), the assignee
 *   and admins. (Team members may update any of their team's actions, not only those assigned to
 *   them: a team owns its work together, and the tracker sync writes the same fields.)
 * - A team's backlog is read by its members and admins. Its product managers and admins rank it
 *   and set priorities, in any phase of the action's review; the group also sets priority while
 *   planning.
 */
import { backlogRules } from "./backlog";
import type { Actor, ReviewFacts, ReviewPhase, TeamFacts } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";
const plans = (a: Actor, r: ReviewFacts) => admin(a) || r.myRole === "FACILITATOR" || r.myRole === "RESPONDER";
const productManager = (a: Actor, teamId: string) => a.teams[teamId] === "PRODUCT_MANAGER";

const READABLE: ReviewPhase[] = ["GROUP", "ACTION_PLANNING", "PUBLISHED"];

/** An action as policies see it: its review's facts plus the action's own team and assignee. */
export type ActionFacts = ReviewFacts & { actionTeamId: string; isAssignee: boolean };

function readsReviewActions(a: Actor, r: ReviewFacts): boolean {
  if (!READABLE.includes(r.phase)) return false;
  if (admin(a) || r.myRole !== null) return true;
  if (r.phase !== "PUBLISHED") return false;
  if (r.visibility === "ORGANISATION") return true;
  return r.visibility === "TEAM" && r.teamId in a.teams;
}

export const actionItemRules = {
  /** List a review's actions and its findings' action plan. */
  "review:read-actions": (a: Actor, r: ReviewFacts) => readsReviewActions(a, r),
  /** Create actions, record "no action needed" for findings, agree all. */
  "review:plan-actions": (a: Actor, r: ReviewFacts) => r.phase === "ACTION_PLANNING" && plans(a, r),
  /** See one action (its review's readers, its team, its assignee). */
  "action:view": (a: Actor, f: ActionFacts) => readsReviewActions(a, f) || admin(a) || f.actionTeamId in a.teams || f.isAssignee,
  /** Edit title, description, team, kind and findings; agree; delete. */
  "action:edit": (a: Actor, f: ActionFacts) => f.phase === "ACTION_PLANNING" && plans(a, f),
  /** Status, assignee, due date. */
  "action:update-progress": (a: Actor, f: ActionFacts) =>
    (f.phase === "ACTION_PLANNING" && plans(a, f)) || (f.phase === "PUBLISHED" && (admin(a) || f.actionTeamId in a.teams || f.isAssignee)),
  /** Priority: the group while planning; the owning team's product managers and admins always. */
  "action:prioritise": (a: Actor, f: ActionFacts) => (f.phase === "ACTION_PLANNING" && plans(a, f)) || admin(a) || productManager(a, f.actionTeamId),
  /** Move the action in its team's backlog. */
  "action:rank": (a: Actor, f: ActionFacts) => admin(a) || productManager(a, f.actionTeamId),
  /** Read a team's backlog. */
  "backlog:read": (a: Actor, t: TeamFacts) => admin(a) || t.id in a.teams,
  /** Rank a team's backlog and set its priorities. */
  "backlog:rank": (a: Actor, t: TeamFacts) => admin(a) || productManager(a, t.id),
};

/** What the review's Actions page may offer this actor. */
export function reviewActionAbilities(actor: Actor, review: ReviewFacts) {
  return {
    read: actionItemRules["review:read-actions"](actor, review),
    plan: actionItemRules["review:plan-actions"](actor, review),
  };
}

/** What may be done with one action. */
export function actionAbilities(actor: Actor, facts: ActionFacts) {
  return {
    edit: actionItemRules["action:edit"](actor, facts),
    updateProgress: actionItemRules["action:update-progress"](actor, facts),
    prioritise: actionItemRules["action:prioritise"](actor, facts),
    rank: actionItemRules["action:rank"](actor, facts),
    /** Push it to the team's tracker (lib/policies/backlog.ts). */
    push: backlogRules["action:push"](actor, { teamId: facts.actionTeamId, myReviewRole: facts.myRole }),
  };
}

export type ActionAbilities = ReturnType<typeof actionAbilities>;
