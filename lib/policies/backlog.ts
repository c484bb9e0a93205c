/**
 * Trackers and pushes. A team's tracker connection is managed by admins and the team's product
 * managers (they own the backlog); everyone else sees its state read-only, never its secrets.
 * Pushing an action into the tracker is for admins, the owning team's product managers and the
 * facilitator of the action's review.
 */
import type { Actor, ParticipantRole, TeamFacts } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";
const productManager = (a: Actor, teamId: string) => a.teams[teamId] === "PRODUCT_MANAGER";

/** An action as the push rule sees it: its team, and the actor's role in its review. */
export type ActionPushFacts = { teamId: string; myReviewRole: ParticipantRole | null };

export const backlogRules = {
  /** See whether and how a team's tracker is connected (no secrets). */
  "backlog:view-connection": (_a: Actor, _t: TeamFacts) => true,
  /** Connect, change, test or disconnect the team's tracker; auto-push; the chat webhook. */
  "backlog:manage-connection": (a: Actor, t: TeamFacts) => admin(a) || productManager(a, t.id),
  /** Push an agreed action to its team's tracker (or retry a failed push). */
  "action:push": (a: Actor, f: ActionPushFacts) => admin(a) || productManager(a, f.teamId) || f.myReviewRole === "FACILITATOR",
};
