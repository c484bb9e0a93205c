/**
 * Who may open a review's narrative, and how. Pure: decided from the actor and the review's
 * facts (lib/policies types), so the token endpoint, the server's check on connect and its
 * periodic re-check all agree.
 *
 * - Participants (facilitator, responders, observers) and admins, once the accounts are revealed
 *   (GROUP, ACTION_PLANNING, PUBLISHED).
 * - Read-only for observers, and for everyone once the review is published.
 * - Nobody before the reveal (the accounts are still independent), and never anyone else — the
 *   review's team included: the narrative is written by the people in the session.
 */
import { isAdmin, isRevealed } from "../policies";
import type { Actor, ReviewFacts } from "../policies/types";

export type NarrativeAccess =
  | { mode: "write" }
  | { mode: "read" }
  | { mode: "none"; why: "not-participant" | "not-revealed" };

export function narrativeAccess(actor: Actor | null, review: ReviewFacts | null): NarrativeAccess {
  if (!actor || !review || (review.myRole === null && !isAdmin(actor))) return { mode: "none", why: "not-participant" };
  if (!isRevealed(review.phase)) return { mode: "none", why: "not-revealed" };
  if (review.phase === "PUBLISHED" || review.myRole === "OBSERVER") return { mode: "read" };
  return { mode: "write" };
}
