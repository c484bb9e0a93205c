/**
 * Who may do what. Every rule of Debrief is a pure function here; use cases call `authorize()`
 * (which throws an AppError) and pages receive `abilities…()` maps instead of re-deriving rules.
 */
import { AppError } from "../errors";
import type { Actor, IncidentFacts, ReviewFacts, TeamFacts } from "./types";
import { incidentRules } from "./incidents";
import { reviewRules } from "./reviews";
import { accountRules } from "./accounts";
import { sessionRules } from "./session";
import { actionItemRules } from "./action-items";
import { libraryRules } from "./library";
import { adminRules, teamRules } from "./teams";
import { backlogRules } from "./backlog";
import { insightRules } from "./insights";

export type * from "./types";

const rules = {
  ...adminRules,
  ...teamRules,
  ...incidentRules,
  ...reviewRules,
  ...accountRules,
  ...sessionRules,
  ...backlogRules,
  ...actionItemRules,
  ...insightRules,
  ...libraryRules,
};

type Rules = typeof rules;
export type Ability = keyof Rules;
type Subject<A extends Ability> = Parameters<Rules[A]>[1];

/** True when `actor` may do `ability` to `subject`. */
export function can<A extends Ability>(actor: Actor, ability: A, subject: Subject<A>): boolean {
  return (rules[ability] as (a: Actor, s: Subject<A>) => boolean)(actor, subject);
}

/**
 * Throws unless `actor` may do `ability`. Pass `notFound` when the actor may not even know the
 * subject exists, so the error is the same 404 as for a missing id.
 */
export function authorize<A extends Ability>(
  actor: Actor,
  ability: A,
  subject: Subject<A>,
  options: { message?: string; notFound?: string } = {},
): void {
  if (can(actor, ability, subject)) return;
  if (options.notFound) throw AppError.notFound(options.notFound);
  throw new AppError("FORBIDDEN", options.message ?? "You do not have permission to do that.");
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

export function isTeamMember(actor: Actor, teamId: string): boolean {
  return teamId in actor.teams;
}

/** Everything the review overview page needs to know about what this actor may do. */
export function reviewAbilities(actor: Actor, review: ReviewFacts) {
  return {
    view: can(actor, "review:view", review),
    movePhase: can(actor, "review:move-phase", review),
    manageParticipants: can(actor, "review:manage-participants", review),
    edit: can(actor, "review:edit", review),
    writeOwnAccount: can(actor, "review:write-own-account", review),
    viewAccountStatus: can(actor, "review:view-account-status", review),
    remindResponders: can(actor, "review:remind-responders", review),
    configureAccounts: can(actor, "review:configure-accounts", review),
  };
}

export type { IncidentFacts, ReviewFacts, TeamFacts };
export type { AccountFacts } from "./accounts";
export type { ActionPushFacts } from "./backlog";
export { isRevealed } from "./accounts";
export { actionAbilities, reviewActionAbilities, type ActionAbilities, type ActionFacts } from "./action-items";
export { reportAbilities, type ReportAbilities } from "./library";
export { sessionAbilities, sessionOpen, type CommentFacts, type SessionAbilities, type SessionItemFacts } from "./session";
