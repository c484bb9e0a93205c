/**
 * Review readers: for each review published in the period that the viewer may see, how many
 * people opened its report (up to the period's end) — and the share of the organisation's active
 * people (as of today) that is — plus how many different people the period's reviews reached together.
 * One query; `rows` limits the per-review list (the dashboard shows the most read, the CSV all).
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { ratio, type MetricOptions, type MetricTable } from "./metric-types";
import type { Period } from "./period";
import { meJoin, reviewsVisibleSql, reviewTeamSql } from "./scope-sql";

export type ReaderRow = { id: string; title: string; team: string; publishedAt: string; readers: number; visits: number; share: number | null };
export type ReadersMetric = {
  summary: { reviews: number; readers: number; activePeople: number; reach: number | null; medianReaders: number | null };
  reviews: ReaderRow[];
  table: MetricTable;
};

type Result = { reviews: number; median: number | null; readers: number; active: number; rows: Omit<ReaderRow, "share">[] };

export async function readersMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<ReadersMetric> {
  const [r] = await (options.client ?? db()).$queryRaw<Result[]>(Prisma.sql`
    WITH v AS (
      SELECT r.id, r.title, t.name AS team, r."publishedAt"
      FROM "Review" r JOIN "Incident" i ON i.id = r."incidentId" JOIN "Team" t ON t.id = i."teamId" ${meJoin(actor)}
      WHERE r.phase = 'PUBLISHED' AND r."publishedAt" >= ${p.from} AND r."publishedAt" < ${p.to} AND ${reviewTeamSql(p)} AND ${reviewsVisibleSql(actor)}
    ), g AS (
      SELECT rr."reviewId", rr."userId", GROUPING(rr."reviewId", rr."userId")::int AS gk, count(*)::int AS readers, sum(rr.count)::int AS visits
      FROM "ReviewRead" rr WHERE rr."firstAt" < ${p.to} AND rr."reviewId" IN (SELECT id FROM v)
      GROUP BY GROUPING SETS ((rr."reviewId"), (rr."userId"))
    ), per AS (
      SELECT v.id, v.title, v.team, v."publishedAt", COALESCE(g.readers, 0) AS readers, COALESCE(g.visits, 0) AS visits
      FROM v LEFT JOIN g ON g.gk = 1 AND g."reviewId" = v.id
    )
    SELECT (SELECT count(*)::int FROM per) AS reviews,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY readers)::float8 FROM per) AS median,
           (SELECT count(*)::int FROM g WHERE gk = 2) AS readers,
           (SELECT count(*)::int FROM "User" u WHERE u."deactivatedAt" IS NULL) AS active,
           (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
              SELECT id, title, team, to_char("publishedAt", 'YYYY-MM-DD') AS "publishedAt", readers, visits
              FROM per ORDER BY readers DESC, "publishedAt" DESC, id LIMIT ${options.rows ?? 100}) x) AS rows`);
  const { reviews: count, median, readers, active, rows } = r!;
  const reviews = rows.map((row) => ({ ...row, share: ratio(row.readers, active) }));
  return {
    summary: { reviews: count, readers, activePeople: active, reach: ratio(readers, active), medianReaders: median },
    reviews,
    table: {
      columns: [
        { key: "title", label: "Review" },
        { key: "team", label: "Team" },
        { key: "publishedAt", label: "Published" },
        { key: "readers", label: "Readers" },
        { key: "visits", label: "Visits" },
        { key: "share", label: "Share of the organisation" },
      ],
      rows: reviews.map(({ id: _id, ...row }) => row),
    },
  };
}
