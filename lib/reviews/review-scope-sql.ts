/**
 * The "review:view" rule as a SQL condition, for the hot list query written in SQL. It mirrors
 * visibleReviewsWhere (review-scope.ts); tests/integration/visibility-matrix.test.ts checks the
 * policy, the Prisma filter and this SQL agree for every role × phase × visibility.
 *
 * Expects the aliases `r` (Review), `i` (Incident) and `me` (the actor's ReviewParticipant row,
 * LEFT JOINed) — or, instead of `me`, `participates`: the condition that the actor takes part in
 * the review (the library's, lib/library/library-sql.ts).
 */
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";

export function visibleReviewsSql(actor: Actor, participates: Prisma.Sql = Prisma.sql`me.id IS NOT NULL`): Prisma.Sql {
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  const teams = Object.keys(actor.teams);
  return Prisma.sql`(
    ${participates}
    OR (r.phase <> 'PUBLISHED' AND i."teamId" = ANY(${teams}::text[]))
    OR (r.phase = 'PUBLISHED' AND r.visibility = 'ORGANISATION')
    OR (r.phase = 'PUBLISHED' AND r.visibility = 'TEAM' AND i."teamId" = ANY(${teams}::text[]))
  )`;
}
