/**
 * Loading a review for the group session: every use case of the session (timeline, findings,
 * comments, agenda, parking lot) goes through here, so the rules of lib/policies/session.ts are
 * applied in one place, with the same answers everywhere:
 *
 * - 404 for anyone who may not read the session (as for a review they may not see) — except
 *   participants and admins before the reveal, who know the review and are told (409) that the
 *   session has not started;
 * - 409 for a change after the session (ACTION_PLANNING, PUBLISHED: read-only);
 * - 403 for a participant whose role does not allow the change (observers; the facilitator's
 *   controls).
 */
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { can, isAdmin, sessionAbilities, sessionOpen } from "../policies";
import type { Actor, ReviewFacts } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";

export type SessionNeed = "read" | "contribute" | "comment" | "facilitate" | "prepare-questions";

const NOT_STARTED = "The group session starts when the facilitator reveals the accounts.";
const ENDED = "The group session has ended: its timeline, findings and comments are read-only now.";

const FORBIDDEN: Record<Exclude<SessionNeed, "read">, string> = {
  contribute: "Observers follow the session; the facilitator and responders change the timeline, findings and parking lot.",
  comment: "Observers follow the session; the facilitator and responders comment.",
  facilitate: "Only the facilitator or an admin runs the session: the agenda step and the timer.",
  "prepare-questions": "Only the facilitator or an admin prepares questions for the session.",
};

/** Throws the right error when the session is not readable by the actor. */
export function assertSessionReadable(actor: Actor, facts: ReviewFacts): void {
  if (can(actor, "session:read", facts)) return;
  const knowsReview = isAdmin(actor) || facts.myRole !== null;
  if (knowsReview && !sessionOpen(facts.phase)) throw new AppError("CONFLICT", NOT_STARTED);
  throw AppError.notFound("Session");
}

/** Throws unless the actor may do `need` in the session now. */
export function assertSession(actor: Actor, facts: ReviewFacts, need: SessionNeed): void {
  if (need === "prepare-questions") {
    if (can(actor, "session:prepare-questions", facts)) return;
    if (facts.myRole === null && !isAdmin(actor)) assertSessionReadable(actor, facts);
    if (facts.phase === "ACTION_PLANNING" || facts.phase === "PUBLISHED") throw new AppError("CONFLICT", ENDED);
    throw new AppError("FORBIDDEN", FORBIDDEN[need]);
  }
  assertSessionReadable(actor, facts);
  if (need === "read") return;
  const ability = `session:${need}` as const;
  if (can(actor, ability, facts)) return;
  if (facts.phase !== "GROUP") throw new AppError("CONFLICT", ENDED);
  throw new AppError("FORBIDDEN", FORBIDDEN[need]);
}

/** The review (with incident and participants) when the actor may do `need` in its session. */
export async function loadSessionReview(actor: Actor, reviewId: string, need: SessionNeed, tx?: Tx) {
  const { review, facts } = await loadVisibleReview(actor, reviewId, tx);
  assertSession(actor, facts, need);
  return { review, facts, abilities: sessionAbilities(actor, facts) };
}

export type SessionReview = Awaited<ReturnType<typeof loadSessionReview>>["review"];
