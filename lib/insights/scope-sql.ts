/**
 * What the Insights figures aggregate, as SQL conditions: reviews by `review:view` (the same SQL
 * the lists use), actions by `action:view` (lib/policies/action-items.ts). Admins see everything.
 * tests/integration/insights-scope.test.ts checks actionsVisibleSql against the policy.
 *
 * Aliases: `r` Review, `i` Incident, `me` the actor's ReviewParticipant row (LEFT JOINed) and,
 * for actions, `a` ActionItem.
 */
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { visibleReviewsSql } from "../reviews/review-scope-sql";
import type { Period } from "./period";

export const reviewsVisibleSql = (actor: Actor): Prisma.Sql => visibleReviewsSql(actor);

export function actionsVisibleSql(actor: Actor): Prisma.Sql {
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  const teams = Object.keys(actor.teams);
  return Prisma.sql`(
    a."teamId" = ANY(${teams}::text[])
    OR a."assigneeId" = ${actor.id}
    OR (me.id IS NOT NULL AND r.phase IN ('GROUP', 'ACTION_PLANNING', 'PUBLISHED'))
    OR (r.phase = 'PUBLISHED' AND r.visibility = 'ORGANISATION')
    OR (r.phase = 'PUBLISHED' AND r.visibility = 'TEAM' AND i."teamId" = ANY(${teams}::text[]))
  )`;
}

/** The participant join both need. */
export const meJoin = (actor: Actor) => Prisma.sql`LEFT JOIN "ReviewParticipant" me ON me."reviewId" = r.id AND me."userId" = ${actor.id}`;

/** A review's team filter (the incident's owning team). */
export const reviewTeamSql = (p: Period) => (p.team ? Prisma.sql`i."teamId" = ${p.team.id}` : Prisma.sql`TRUE`);
/** An action's team filter (the team that owns the action). */
export const actionTeamSql = (p: Period) => (p.team ? Prisma.sql`a."teamId" = ${p.team.id}` : Prisma.sql`TRUE`);

