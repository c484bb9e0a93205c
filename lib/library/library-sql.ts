/**
 * SQL shared by the library's queries: the published reviews an actor may read, decided by
 * visibleReviewsSql (lib/reviews/review-scope-sql.ts) — the very `review:view` rule the rest of
 * the app applies — so search never returns, counts or ranks what the reader may not see.
 *
 * The rule reads `r.phase`, `r.visibility` and `i."teamId"`. Here `r` and `i` are the search
 * document's own copies (a document exists only for a published review; its visibility and team
 * are kept in step by triggers, see prisma/migrations/…_library_search_ranking), so a search for a
 * common word does not join Review and Incident for each of its thousands of matches. Whether the
 * reader took part is `reviewId IN (their reviews)`: one hashed lookup of the reader's few
 * participations per match, the same in every plan (a LEFT JOIN was planned as a hash join or as
 * an index probe per match, depending on estimates a prepared search statement does not have).
 */
import { Prisma } from "../db/generated/client";
import type { FindingCategoryName } from "../findings/categories";
import type { Actor } from "../policies/types";
import { visibleReviewsSql } from "../reviews/review-scope-sql";

/**
 * FROM … with `d` (ReviewSearchDocument), `r` and `i` (its review's phase and visibility, its
 * incident's team), and `t` (Team) unless `team: false` (a search's ranking pass skips it).
 */
export function visibleDocumentsFrom(options: { team?: boolean } = {}): Prisma.Sql {
  return Prisma.sql`
    "ReviewSearchDocument" d
    CROSS JOIN LATERAL (SELECT 'PUBLISHED'::"ReviewPhase" AS phase, d.visibility AS visibility) r
    CROSS JOIN LATERAL (SELECT d."teamId" AS "teamId") i
    ${options.team === false ? Prisma.empty : Prisma.sql`JOIN "Team" t ON t.id = d."teamId"`}`;
}

/** The WHERE conditions every library query starts from: readable by the actor. */
export function visibleDocumentsWhere(actor: Actor): Prisma.Sql[] {
  return [visibleReviewsSql(actor, Prisma.sql`d."reviewId" IN (SELECT p."reviewId" FROM "ReviewParticipant" p WHERE p."userId" = ${actor.id})`)];
}

/** The columns of a result row (ResultRow), from `d` and `t`. */
export const RESULT_COLUMNS = Prisma.sql`
  d."reviewId" AS id, d.title, d.summary, d.services, d.tags, d.categories, d.severity, d."publishedAt", d."incidentAt",
  d.visibility::text AS visibility, t.id AS "teamId", t.name AS "teamName", t.slug AS "teamSlug"`;

export type ResultRow = {
  id: string;
  title: string;
  summary: string;
  services: string[];
  tags: string[];
  categories: string[];
  severity: string;
  publishedAt: Date;
  incidentAt: Date;
  visibility: string;
  teamId: string;
  teamName: string;
  teamSlug: string;
};

/** A result row as the API and pages show it. */
export function toResult(row: ResultRow) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    team: { id: row.teamId, name: row.teamName, slug: row.teamSlug },
    severity: row.severity as "SEV1" | "SEV2" | "SEV3" | "SEV4",
    services: row.services,
    tags: row.tags,
    categories: row.categories as FindingCategoryName[],
    visibility: row.visibility as "PARTICIPANTS" | "TEAM" | "ORGANISATION",
    publishedAt: new Date(row.publishedAt),
    incidentAt: new Date(row.incidentAt),
  };
}

export type LibraryResult = ReturnType<typeof toResult>;
