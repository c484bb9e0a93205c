/**
 * How far along independent accounts are, per review: how many of its current responders have
 * submitted (an account left by someone no longer a responder does not count). Counts only, never
 * content; callers show it to those who may see the status board (the review's facilitator, admins).
 */
import { db } from "../db/client";

export type AccountsIn = { submitted: number; responders: number };

export async function accountsIn(reviewIds: string[]): Promise<Map<string, AccountsIn>> {
  if (!reviewIds.length) return new Map();
  const rows = await db().$queryRaw<({ reviewId: string } & AccountsIn)[]>`
    SELECT p."reviewId", count(*)::int AS responders, count(a.id) FILTER (WHERE a.status = 'SUBMITTED')::int AS submitted
    FROM "ReviewParticipant" p
    LEFT JOIN "ResponderAccount" a ON a."reviewId" = p."reviewId" AND a."authorId" = p."userId"
    WHERE p."reviewId" = ANY(${reviewIds}::text[]) AND p.role = 'RESPONDER'
    GROUP BY p."reviewId"`;
  return new Map(rows.map((r) => [r.reviewId, { submitted: r.submitted, responders: r.responders }]));
}
