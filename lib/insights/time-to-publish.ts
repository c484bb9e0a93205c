/**
 * Time from incident resolved to review published, for reviews published in the period (incidents
 * without a resolution time are left out): median and p90 overall, per team and per week or month,
 * and the slowest reviews for the table (all of them, up to `rows`, in the CSV). One query.
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { periodBuckets } from "./buckets";
import { hours, type MetricOptions, type MetricTable } from "./metric-types";
import type { Period } from "./period";
import { meJoin, reviewsVisibleSql, reviewTeamSql } from "./scope-sql";

type Stat = { reviews: number; medianHours: number | null; p90Hours: number | null };
export type TimeToPublishMetric = {
  summary: Stat;
  teams: (Stat & { team: string })[];
  series: (Stat & { bucket: string })[];
  table: MetricTable;
};

type Agg = { team: string | null; bucket: string | null; g: number; n: number; median: number | null; p90: number | null };
type One = { title: string; team: string; resolvedAt: string; publishedAt: string; seconds: number };

export async function timeToPublishMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<TimeToPublishMetric> {
  const [r] = await (options.client ?? db()).$queryRaw<{ aggs: Agg[]; rows: One[] }[]>(Prisma.sql`
    WITH d AS (
      SELECT r.id, r.title, t.name AS team, r."publishedAt", i."resolvedAt", date_trunc(${p.bucket}, r."publishedAt") AS b,
             GREATEST(EXTRACT(EPOCH FROM (r."publishedAt" - i."resolvedAt")), 0)::float8 AS seconds
      FROM "Review" r JOIN "Incident" i ON i.id = r."incidentId" JOIN "Team" t ON t.id = i."teamId" ${meJoin(actor)}
      WHERE r.phase = 'PUBLISHED' AND r."publishedAt" >= ${p.from} AND r."publishedAt" < ${p.to} AND i."resolvedAt" IS NOT NULL
        AND ${reviewTeamSql(p)} AND ${reviewsVisibleSql(actor)}
    )
    SELECT (SELECT COALESCE(json_agg(a), '[]'::json) FROM (
              SELECT team, to_char(b, 'YYYY-MM-DD') AS bucket, GROUPING(team, b) AS g, count(*) AS n,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
              FROM d GROUP BY GROUPING SETS ((), (team), (b))) a) AS aggs,
           (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
              SELECT title, team, to_char("resolvedAt", 'YYYY-MM-DD') AS "resolvedAt", to_char("publishedAt", 'YYYY-MM-DD') AS "publishedAt", seconds
              FROM d ORDER BY seconds DESC, "publishedAt" DESC, id LIMIT ${options.rows ?? 100}) x) AS rows`);
  const { aggs, rows } = r!;
  const stat = (a: Agg | undefined): Stat => ({ reviews: a?.n ?? 0, medianHours: hours(a?.median ?? null), p90Hours: hours(a?.p90 ?? null) });
  // GROUPING(team, bucket): 3 = everything, 1 = per team, 2 = per bucket.
  const byBucket = new Map(aggs.filter((a) => a.g === 2).map((a) => [a.bucket!, a]));
  return {
    summary: stat(aggs.find((a) => a.g === 3)),
    teams: aggs
      .filter((a) => a.g === 1)
      .map((a) => ({ team: a.team!, ...stat(a) }))
      .sort((a, b) => b.reviews - a.reviews || a.team.localeCompare(b.team)),
    series: periodBuckets(p).map((bucket) => ({ bucket, ...stat(byBucket.get(bucket)) })),
    table: {
      columns: [
        { key: "title", label: "Review" },
        { key: "team", label: "Team" },
        { key: "resolvedAt", label: "Incident resolved" },
        { key: "publishedAt", label: "Review published" },
        { key: "hours", label: "Hours to publish" },
      ],
      rows: rows.map((x) => ({ title: x.title, team: x.team, resolvedAt: x.resolvedAt, publishedAt: x.publishedAt, hours: hours(x.seconds) })),
    },
  };
}
