/**
 * What a client needs to join a review's narrative: the document's name and a short-lived token
 * for it (the URL is added by the caller, who knows how the client reached us). The collaboration
 * server re-checks access itself on connect; this refuses early with the same rules
 * (access.ts) and the API's usual answers.
 */
import { env } from "../env";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { narrativeAccess } from "./access";
import { narrativeDocumentName } from "./document-name";
import { collabSecret, signCollabToken } from "./token";

export type CollaborationGrant = { document: string; token: string; expiresAt: Date; readOnly: boolean };

/**
 * A token for `actor` to open the narrative of review `reviewId`. 404 for anyone who is not a
 * participant (or admin), as for a review they may not see; 409 before the accounts are revealed.
 */
export async function createCollaborationToken(actor: Actor, reviewId: string): Promise<CollaborationGrant> {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  const access = narrativeAccess(actor, facts);
  if (access.mode === "none") {
    if (access.why === "not-participant") throw AppError.notFound("Narrative");
    throw new AppError("CONFLICT", "The narrative opens when the facilitator reveals the accounts.");
  }
  const document = narrativeDocumentName(review.id);
  const { token, expiresAt } = signCollabToken({ userId: actor.id, reviewId: review.id, document }, collabSecret(env()));
  return { document, token, expiresAt, readOnly: access.mode === "read" };
}
