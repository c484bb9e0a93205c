/**
 * What happens, in the same transaction, when a review enters a phase: responders are told to
 * write their accounts; at the reveal, accounts are stamped revealed and responders get their
 * anonymous letters; everyone is told. Notices never contain account content. At publication the
 * review's search document is built, so the library finds it at once.
 */
import { queueAutoPushes } from "../backlog/auto-push";
import type { Tx } from "../db/client";
import { upsertSearchDocument } from "../library/search-document";
import { createNotifications } from "../notify/notifications";
import type { ParticipantRole, ReviewPhase } from "../policies/types";
import { shuffledLetters } from "./anonymous-letters";

type Review = { id: string; title: string; participants: { id: string; userId: string; role: ParticipantRole }[] };

export async function applyPhaseEffects(tx: Tx, review: Review, to: ReviewPhase, actorId: string, now: Date): Promise<void> {
  const url = `/reviews/${review.id}`;
  const responders = review.participants.filter((p) => p.role === "RESPONDER");
  if (to === "INDEPENDENT") {
    await createNotifications(
      tx,
      responders.map((p) => ({
        userId: p.userId,
        reviewId: review.id,
        type: "account.requested",
        title: `Write your account of “${review.title}”`,
        body: "Describe the incident as you experienced it. Nobody reads your account until the facilitator reveals all accounts together.",
        url: `${url}/account`,
      })),
    );
  }
  if (to === "GROUP") {
    await tx.review.update({ where: { id: review.id }, data: { revealedAt: now } });
    // Letters drawn at random, so that neither the order people joined in nor who wrote first gives an author away.
    const letters = shuffledLetters(responders.length);
    for (const [i, p] of responders.entries()) await tx.reviewParticipant.update({ where: { id: p.id }, data: { anonymousLabel: letters[i] } });
    await createNotifications(
      tx,
      review.participants
        .filter((p) => p.userId !== actorId)
        .map((p) => ({
          userId: p.userId,
          reviewId: review.id,
          type: "accounts.revealed",
          title: `Accounts of “${review.title}” are revealed`,
          body: "Read everyone's account side by side before the group session.",
          url: `${url}/accounts`,
        })),
    );
  }
  if (to === "PUBLISHED") await upsertSearchDocument(tx, review.id);
  // Teams that chose it get their agreed actions pushed to their tracker.
  if (to === "PUBLISHED") await queueAutoPushes(tx, review.id);
}
