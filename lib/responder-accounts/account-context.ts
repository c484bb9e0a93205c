/**
 * Loading an account for an actor. Every read of account content goes through here, so the
 * independence rule (lib/policies/accounts.ts) is applied where data is read.
 */
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { authorize, type AccountFacts } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";

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

/** Throws unless the actor may write their account now, with a message saying why not. */
export function assertMayWrite(actor: Actor, facts: AccountFacts) {
  if (facts.phase === "PREPARING") throw new AppError("CONFLICT", "Accounts open when the facilitator starts independent accounts.");
  if (facts.phase !== "INDEPENDENT") {
    throw new AppError("CONFLICT", "Accounts have been revealed and are read-only now. You can still append a late addition until the review is published.");
  }
  authorize(actor, "account:write", facts, { message: "Only the author can change an account." });
}
