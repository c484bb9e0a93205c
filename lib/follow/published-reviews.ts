/**
 * Published reviews an actor may see, newest first, filtered for a feed or a digest: by team,
 * service, tag, severity or finding category, by publication time, or by what a person follows.
 * One SQL query with the `review:view` rule applied (lib/reviews/review-scope-sql.ts), so a feed or
 * digest never carries a review its reader may not open.
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { visibleReviewsSql } from "../reviews/review-scope-sql";

export type PublishedReviewFilter = {
  teamIds?: string[];
  services?: string[];
  tags?: string[];
  severities?: string[];
  categories?: string[];
  /** Only reviews matching this person's subscriptions (team, service or tag). */
  followedBy?: string;
  publishedAfter?: Date;
  publishedUpTo?: Date;
  limit?: number;
};

export type PublishedReviewItem = {
  id: string;
  title: string;
  summary: string | null;
  publishedAt: Date;
  severity: string;
  services: string[];
  tags: string[];
  team: { id: string; name: string; slug: string };
  /** With `followedBy`: the subscriptions it matched, as "TEAM:<id>", "SERVICE:<name>", "TAG:<name>". */
  matched: string[];
};

const lowerIn = (array: Prisma.Sql, values: string[]) =>
  Prisma.sql`EXISTS (SELECT 1 FROM unnest(${array}) AS v(x) WHERE lower(v.x) = ANY(${values.map((s) => s.toLowerCase())}::text[]))`;

function subscriptionMatch(userId: string): Prisma.Sql {
  return Prisma.sql`SELECT s.kind::text || ':' || s.value FROM "Subscription" s WHERE s."userId" = ${userId} AND (
      (s.kind = 'TEAM' AND s.value = i."teamId")
      OR (s.kind = 'SERVICE' AND EXISTS (SELECT 1 FROM unnest(i.services) AS sv(x) WHERE lower(sv.x) = s.value))
      OR (s.kind = 'TAG' AND EXISTS (SELECT 1 FROM unnest(r.tags) AS tg(x) WHERE lower(tg.x) = s.value)))`;
}

export async function listPublishedReviews(actor: Actor, f: PublishedReviewFilter = {}): Promise<PublishedReviewItem[]> {
  const where: Prisma.Sql[] = [Prisma.sql`r.phase = 'PUBLISHED'`, Prisma.sql`r."publishedAt" IS NOT NULL`, visibleReviewsSql(actor)];
  if (f.teamIds?.length) where.push(Prisma.sql`i."teamId" = ANY(${f.teamIds}::text[])`);
  if (f.services?.length) where.push(lowerIn(Prisma.sql`i.services`, f.services));
  if (f.tags?.length) where.push(lowerIn(Prisma.sql`r.tags`, f.tags));
  if (f.severities?.length) where.push(Prisma.sql`i.severity::text = ANY(${f.severities}::text[])`);
  if (f.categories?.length) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Finding" fd WHERE fd."reviewId" = r.id AND fd.category::text = ANY(${f.categories}::text[]))`);
  }
  if (f.publishedAfter) where.push(Prisma.sql`r."publishedAt" > ${f.publishedAfter}`);
  if (f.publishedUpTo) where.push(Prisma.sql`r."publishedAt" <= ${f.publishedUpTo}`);
  const matched = f.followedBy ? Prisma.sql`ARRAY(${subscriptionMatch(f.followedBy)})` : Prisma.sql`ARRAY[]::text[]`;
  if (f.followedBy) where.push(Prisma.sql`EXISTS (${subscriptionMatch(f.followedBy)})`);
  const rows = await db().$queryRaw<(Omit<PublishedReviewItem, "team"> & { teamId: string; teamName: string; teamSlug: string })[]>(Prisma.sql`
    SELECT r.id, r.title, COALESCE(NULLIF(r.summary, ''), i.summary) AS summary, r."publishedAt", i.severity::text AS severity,
           i.services, r.tags, t.id AS "teamId", t.name AS "teamName", t.slug AS "teamSlug", ${matched} AS matched
    FROM "Review" r
    JOIN "Incident" i ON i.id = r."incidentId"
    JOIN "Team" t ON t.id = i."teamId"
    LEFT JOIN "ReviewParticipant" me ON me."reviewId" = r.id AND me."userId" = ${actor.id}
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY r."publishedAt" DESC, r.id
    LIMIT ${Math.min(Math.max(f.limit ?? 50, 1), 500)}`);
  return rows.map(({ teamId, teamName, teamSlug, ...r }) => ({ ...r, team: { id: teamId, name: teamName, slug: teamSlug } }));
}
