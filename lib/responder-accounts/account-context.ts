/**
 * Loading an account for an actor. Every read of account content goes through here, so the
 * independence rule (lib/policies/accounts.ts) is applied where data is read.
 */
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { authorize, type AccountFacts } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { toReviewFacts } from "../reviews/review-scope";

/** The review (visible to the actor, else 404) and the actor's own account in it, if any. */
export async function loadOwnAccount(actor: Actor, reviewId: string, tx?: Tx) {
  const { review, facts } = await loadVisibleReview(actor, reviewId, tx);
  if (facts.myRole !== "RESPONDER") {
    throw new AppError("NOT_FOUND", "You have no account in this review: only responders write accounts.");
  }
  const account = await (tx ?? db()).responderAccount.findUnique({ where: { reviewId_authorId: { reviewId, authorId: actor.id } } });
  const accountFacts: AccountFacts = { ...facts, isAuthor: true };
  return { review, facts, account, accountFacts };
}

/**
 * The same checks as loadOwnAccount for the hot write path (autosave): reads only what the rules
 * need — the review's phase, visibility, team and the actor's own participant row — and the
 * account's id and status, not every participant and the whole document.
 */
export async function loadOwnAccountForWrite(actor: Actor, reviewId: string, tx?: Tx) {
  const client = tx ?? db();
  const review = await client.review.findUnique({
    where: { id: reviewId },
    select: { phase: true, visibility: true, incident: { select: { teamId: true } }, participants: { where: { userId: actor.id }, select: { userId: true, role: true } } },
  });
  if (!review) throw AppError.notFound("Review");
  const facts = toReviewFacts(review, actor);
  authorize(actor, "review:view", facts, { notFound: "Review" });
  if (facts.myRole !== "RESPONDER") {
    throw new AppError("NOT_FOUND", "You have no account in this review: only responders write accounts.");
  }
  const account = await client.responderAccount.findUnique({ where: { reviewId_authorId: { reviewId, authorId: actor.id } }, select: { id: true, status: true } });
  const accountFacts: AccountFacts = { ...facts, isAuthor: true };
  return { facts, account, accountFacts };
}

/** Throws unless the actor may write their account now, with a message saying why not. */
export function assertMayWrite(actor: Actor, facts: AccountFacts) {
  if (facts.phase === "PREPARING") throw new AppError("CONFLICT", "Accounts open when the facilitator starts independent accounts.");
  if (facts.phase !== "INDEPENDENT") {
    throw new AppError("CONFLICT", "Accounts have been revealed and are read-only now. You can still append a late addition until the review is published.");
  }
  authorize(actor, "account:write", facts, { message: "Only the author can change an account." });
}
