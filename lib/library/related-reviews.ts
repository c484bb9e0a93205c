import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { FINDING_CATEGORY_LABEL, type FindingCategoryName } from "../findings/categories";
import { can } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { RESULT_COLUMNS, toResult, visibleDocumentsFrom, visibleDocumentsWhere, type ResultRow } from "./library-sql";

/** How many words of the review's title and summary make the "similar text" query. */
const SIMILAR_WORDS = 16;
/** Stems every review shares ("review", "incident", …): they would make everything similar. */
const GENERIC_STEMS = ["review", "incid", "outag", "summari", "issu", "problem", "happen", "time", "minut", "hour", "day", "team", "custom", "user"];

type Row = ResultRow & { score: number; sharedServices: string[]; sharedTags: string[]; sharedCategories: string[]; textRank: number };

/**
 * Published reviews related to one review, for its report: other reviews the actor may read that
 * touch the same services, carry the same tags, share finding categories, or use similar words
 * (an OR of the review's own title and summary lexemes against the others' titles, summaries and
 * findings, ranked with ts_rank_cd; built with websearch_to_tsquery, which cannot fail on odd lexemes). Shared services count most: "the same thing happened to a system we run" is
 * what makes other teams' incidents feel close. Each result says why it is related.
 */
export async function relatedReviews(actor: Actor, reviewId: string, options: { limit?: number } = {}) {
  const { facts } = await loadVisibleReview(actor, reviewId);
  if (!can(actor, "review:read-report", facts)) return [];
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 20);
  const rows = await db().$queryRaw<Row[]>`
    WITH src AS (
      SELECT s."reviewId", s.services, s.tags, s.categories,
             (SELECT websearch_to_tsquery('simple', string_agg(w.lexeme, ' or '))
                FROM (SELECT lexeme FROM unnest(to_tsvector('english', s.title || ' ' || s.summary))
                      WHERE lexeme <> ALL(${GENERIC_STEMS}::text[]) AND length(lexeme) > 2
                      ORDER BY array_length(positions, 1) DESC, lexeme LIMIT ${SIMILAR_WORDS}) w) AS words
      FROM "ReviewSearchDocument" s WHERE s."reviewId" = ${reviewId}
    ),
    candidates AS (
      SELECT ${RESULT_COLUMNS},
             ARRAY(SELECT unnest(d.services) INTERSECT SELECT unnest(src.services)) AS "sharedServices",
             ARRAY(SELECT unnest(d.tags) INTERSECT SELECT unnest(src.tags)) AS "sharedTags",
             ARRAY(SELECT unnest(d.categories) INTERSECT SELECT unnest(src.categories) EXCEPT SELECT 'WENT_WELL') AS "sharedCategories",
             CASE WHEN src.words IS NOT NULL AND d."rankVector" @@ src.words THEN ts_rank_cd(d."rankVector", src.words, 32) ELSE 0 END AS "textRank"
      FROM src, ${visibleDocumentsFrom()}
      WHERE ${Prisma.join([...visibleDocumentsWhere(actor), Prisma.sql`d."reviewId" <> src."reviewId"`], " AND ")}
        AND (d.services && src.services OR d.tags && src.tags OR (src.words IS NOT NULL AND d."rankVector" @@ src.words))
    )
    SELECT *, (4 * cardinality("sharedServices") + 2.5 * cardinality("sharedTags") + 0.5 * cardinality("sharedCategories") + 2 * "textRank")::float AS score
    FROM candidates
    ORDER BY score DESC, "publishedAt" DESC, id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    ...toResult(r),
    reasons: {
      services: r.sharedServices,
      tags: r.sharedTags,
      categories: r.sharedCategories.map((c) => FINDING_CATEGORY_LABEL[c as FindingCategoryName] ?? c),
      similarText: Number(r.textRank) > 0,
    },
  }));
}

export type RelatedReview = Awaited<ReturnType<typeof relatedReviews>>[number];
