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

type Review = { id: string; title: string; participants: { id: string; userId: string; role: ParticipantRole; createdAt: Date }[] };

/** "A", "B", … "Z", "AA", … */
export function letter(i: number): string {
  let s = "";
  for (let n = i; n >= 0; n = Math.floor(n / 26) - 1) s = String.fromCharCode(65 + (n % 26)) + s;
  return s;
}

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
    // Letters in the order people joined the review: stable, and unrelated to who wrote what first.
    const ordered = [...responders].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    for (const [i, p] of ordered.entries()) await tx.reviewParticipant.update({ where: { id: p.id }, data: { anonymousLabel: letter(i) } });
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
