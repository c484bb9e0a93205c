/**
 * The independence guarantee as rules: before the reveal an account's content is readable by its
 * author alone — not other responders, not the facilitator, not admins. Facilitators and admins
 * see status (never content) to run the review.
 */
import type { Actor, ReviewFacts, ReviewPhase } from "./types";

const REVEALED: ReviewPhase[] = ["GROUP", "ACTION_PLANNING", "PUBLISHED"];
const admin = (a: Actor) => a.role === "ADMIN";
const runs = (a: Actor, r: ReviewFacts) => admin(a) || r.myRole === "FACILITATOR";

/** An account as policies see it: the review's facts plus whether the actor wrote it. */
export type AccountFacts = ReviewFacts & { isAuthor: boolean };

export function isRevealed(phase: ReviewPhase): boolean {
  return REVEALED.includes(phase);
}

export const accountRules = {
  /** Read an account's narrative and personal timeline. */
  "account:read-content": (a: Actor, f: AccountFacts) => f.isAuthor || (isRevealed(f.phase) && (f.myRole !== null || admin(a))),
  /** Write (save, submit, reopen, edit the personal timeline): the author, during independent accounts. */
  "account:write": (_a: Actor, f: AccountFacts) => f.isAuthor && f.myRole === "RESPONDER" && f.phase === "INDEPENDENT",
  /** Append a marked late addition after the reveal, until publication. */
  "account:append-late": (_a: Actor, f: AccountFacts) => f.isAuthor && f.myRole === "RESPONDER" && (f.phase === "GROUP" || f.phase === "ACTION_PLANNING"),
  /** Start one's own account: responders of a review in independent accounts. */
  "review:write-own-account": (_a: Actor, r: ReviewFacts) => r.myRole === "RESPONDER" && r.phase === "INDEPENDENT",
  /** The status board: who has started, drafted, submitted — never content. */
  "review:view-account-status": (a: Actor, r: ReviewFacts) => runs(a, r) && r.phase !== "PREPARING",
  "review:remind-responders": (a: Actor, r: ReviewFacts) => runs(a, r) && r.phase === "INDEPENDENT",
  /** Deadline, prompts, anonymisation: before the reveal. */
  "review:configure-accounts": (a: Actor, r: ReviewFacts) => runs(a, r) && (r.phase === "PREPARING" || r.phase === "INDEPENDENT"),
};
