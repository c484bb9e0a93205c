/**
 * Narrative access read from the database: on connect for one person (the actor through
 * lib/auth/load-actor.ts, as everywhere), and for every open connection at once when the server
 * re-checks them (two queries, however many connections).
 */
import { loadActor } from "../auth/load-actor";
import { db } from "../db/client";
import type { Actor, TeamRole } from "../policies/types";
import { toReviewFacts } from "../reviews/review-scope";
import { narrativeAccess, type NarrativeAccess } from "./access";

const reviewSelect = {
  id: true,
  phase: true,
  visibility: true,
  incident: { select: { teamId: true } },
  participants: { select: { userId: true, role: true } },
} as const;

/** `userId`'s access to the narrative of review `reviewId`. */
export async function loadNarrativeAccess(userId: string, reviewId: string): Promise<NarrativeAccess> {
  const [actor, review] = await Promise.all([
    loadActor(userId),
    db().review.findUnique({ where: { id: reviewId }, select: { ...reviewSelect, participants: { where: { userId }, select: reviewSelect.participants.select } } }),
  ]);
  return narrativeAccess(actor, actor && review ? toReviewFacts(review, actor) : null);
}

export type AccessKey = `${string}\u0000${string}`;
export const accessKey = (userId: string, reviewId: string): AccessKey => `${userId}\u0000${reviewId}`;

/**
 * Access for many (user, review) pairs in two queries. Users are read like loadActor reads one:
 * deactivated users get no actor, hence no access.
 */
export async function loadNarrativeAccessMany(pairs: { userId: string; reviewId: string }[]): Promise<Map<AccessKey, NarrativeAccess>> {
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const reviewIds = [...new Set(pairs.map((p) => p.reviewId))];
  const [users, reviews] = await Promise.all([
    db().user.findMany({
      where: { id: { in: userIds }, deactivatedAt: null },
      select: { id: true, email: true, name: true, role: true, timezone: true, teamMemberships: { select: { teamId: true, role: true } } },
    }),
    db().review.findMany({ where: { id: { in: reviewIds } }, select: reviewSelect }),
  ]);
  const actors = new Map<string, Actor>(
    users.map((u) => {
      const teams: Record<string, TeamRole> = {};
      for (const m of u.teamMemberships) teams[m.teamId] = m.role;
      return [u.id, { id: u.id, email: u.email, name: u.name, role: u.role, teams, timezone: u.timezone }];
    }),
  );
  const byId = new Map(reviews.map((r) => [r.id, r]));
  const result = new Map<AccessKey, NarrativeAccess>();
  for (const { userId, reviewId } of pairs) {
    const actor = actors.get(userId) ?? null;
    const review = byId.get(reviewId);
    result.set(accessKey(userId, reviewId), narrativeAccess(actor, actor && review ? toReviewFacts(review, actor) : null));
  }
  return result;
}
