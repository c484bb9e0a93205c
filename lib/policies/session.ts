/**
 * The group session's rules: the shared timeline, findings, comments, the agenda and the
 * parking lot.
 *
 * - The session opens at the reveal (GROUP) and stays readable afterwards (ACTION_PLANNING,
 *   PUBLISHED). Before the reveal nothing of it exists for anyone — with one exception: the
 *   facilitator (or an admin) prepares questions for the session in advance, from PREPARING on.
 *   Those are their own words, never account content.
 * - Reading during GROUP and ACTION_PLANNING: the review's participants (facilitator, responders,
 *   observers) and admins. Other people who may see the review (its team) get a 404, as for any
 *   review content that is not theirs: shared session content before publication is for the people
 *   in the room. After publication the session's output (shared timeline, findings, comments, agenda)
 *   is readable by whoever may see the review (`review:view`, per its visibility); the personal
 *   timelines inside the merged view stay with participants and admins (`account:read-content`).
 * - Writing — shared timeline, findings, comments, the parking lot — is for the facilitator, the
 *   responders and admins, while the review is in GROUP. Observers follow along read-only: they
 *   neither edit nor comment (a comment is a contribution to the session).
 * - The facilitator (or an admin) alone runs the session: the current agenda step, the timer and
 *   the prepared questions; they also tidy the parking lot (mark done, delete any item), which its
 *   other contributors may do to their own items.
 * - A comment is deleted by its author or the facilitator / an admin, while in GROUP.
 */
import type { Actor, ReviewFacts, ReviewPhase } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";
const runs = (a: Actor, r: ReviewFacts) => admin(a) || r.myRole === "FACILITATOR";
const contributes = (a: Actor, r: ReviewFacts) => admin(a) || r.myRole === "FACILITATOR" || r.myRole === "RESPONDER";

const SESSION_PHASES: ReviewPhase[] = ["GROUP", "ACTION_PLANNING", "PUBLISHED"];
const PREPARATION_PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP"];

/** Whether the session has started (the accounts are revealed). */
export function sessionOpen(phase: ReviewPhase): boolean {
  return SESSION_PHASES.includes(phase);
}

/** The same as `review:view` (lib/policies/reviews.ts), for a published review. */
function mayViewPublished(a: Actor, r: ReviewFacts): boolean {
  if (admin(a) || r.myRole !== null) return true;
  if (r.visibility === "ORGANISATION") return true;
  if (r.visibility === "TEAM") return r.teamId in a.teams;
  return false;
}

/** A session item (prepared question or parking-lot topic) as policies see it. */
export type SessionItemFacts = ReviewFacts & { kind: "QUESTION" | "PARKING_LOT"; isCreator: boolean };

/** A comment as policies see it. */
export type CommentFacts = ReviewFacts & { isAuthor: boolean };

export const sessionRules = {
  /** Read the shared timeline, findings, comments, agenda and parking lot. */
  "session:read": (a: Actor, r: ReviewFacts) => {
    if (!sessionOpen(r.phase)) return false;
    if (r.phase === "PUBLISHED") return mayViewPublished(a, r);
    return admin(a) || r.myRole !== null;
  },
  /** Change the shared timeline and findings, add to the parking lot. */
  "session:contribute": (a: Actor, r: ReviewFacts) => r.phase === "GROUP" && contributes(a, r),
  /** Comment on shared timeline entries and findings. */
  "session:comment": (a: Actor, r: ReviewFacts) => r.phase === "GROUP" && contributes(a, r),
  /** Run the session: the current agenda step and the timer. */
  "session:facilitate": (a: Actor, r: ReviewFacts) => r.phase === "GROUP" && runs(a, r),
  /** Read and write the questions prepared for the session: the facilitator, from PREPARING until the session ends. */
  "session:prepare-questions": (a: Actor, r: ReviewFacts) => PREPARATION_PHASES.includes(r.phase) && runs(a, r),
  /** Mark a session item done or delete it. */
  "session:manage-item": (a: Actor, i: SessionItemFacts) => {
    if (i.kind === "QUESTION") return PREPARATION_PHASES.includes(i.phase) && runs(a, i);
    return i.phase === "GROUP" && (runs(a, i) || (i.isCreator && contributes(a, i)));
  },
  /** Delete a comment: its author or whoever runs the session, during GROUP. */
  "session:delete-comment": (a: Actor, c: CommentFacts) => c.phase === "GROUP" && (runs(a, c) || (c.isAuthor && contributes(a, c))),
};

/** What the session page may offer this actor. */
export function sessionAbilities(actor: Actor, review: ReviewFacts) {
  return {
    read: sessionRules["session:read"](actor, review),
    contribute: sessionRules["session:contribute"](actor, review),
    comment: sessionRules["session:comment"](actor, review),
    facilitate: sessionRules["session:facilitate"](actor, review),
    prepareQuestions: sessionRules["session:prepare-questions"](actor, review),
  };
}

export type SessionAbilities = ReturnType<typeof sessionAbilities>;
