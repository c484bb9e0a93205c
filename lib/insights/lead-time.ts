/**
 * Improvement action lead time: from agreement to done (agreedAt → closedAt) for actions finished
 * (DONE) in the period, as continuous percentiles — median and p90 — overall, per owning team
 * and per week (or month) the actions were done in. Grouped on the team's id and the raw bucket;
 * names and dates are added to the few groups, not to every action.
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { periodBuckets } from "./buckets";
import { hours, type MetricOptions, type MetricTable } from "./metric-types";
import type { Period } from "./period";
import { actionsVisibleSql, actionTeamSql, meJoin } from "./scope-sql";

type Stat = { done: number; medianHours: number | null; p90Hours: number | null };
export type LeadTimeMetric = {
  summary: Stat;
  teams: (Stat & { team: string })[];
  series: (Stat & { bucket: string })[];
  table: MetricTable;
};

type Row = { team: string | null; bucket: string | null; grouping: number; done: number; median: number | null; p90: number | null };

export async function leadTimeMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<LeadTimeMetric> {
  const rows = await (options.client ?? db()).$queryRaw<Row[]>(Prisma.sql`
    WITH d AS (
      SELECT a."teamId", date_trunc(${p.bucket}, a."closedAt") AS b, EXTRACT(EPOCH FROM (a."closedAt" - a."agreedAt")) AS seconds
      FROM "ActionItem" a JOIN "Review" r ON r.id = a."reviewId" JOIN "Incident" i ON i.id = r."incidentId" ${meJoin(actor)}
      WHERE a.status = 'DONE' AND a."agreedAt" IS NOT NULL AND a."closedAt" >= ${p.from} AND a."closedAt" < ${p.to}
        AND a."closedAt" >= a."agreedAt" AND ${actionTeamSql(p)} AND ${actionsVisibleSql(actor)}
    ), g AS (
      SELECT "teamId", b, GROUPING("teamId", b)::int AS grouping, count(*)::int AS done,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::float8 AS p90
      FROM d GROUP BY GROUPING SETS ((), ("teamId"), (b))
    )
    SELECT t.name AS team, to_char(g.b, 'YYYY-MM-DD') AS bucket, g.grouping, g.done, g.median, g.p90
    FROM g LEFT JOIN "Team" t ON t.id = g."teamId"`);
  const stat = (r: Row | undefined): Stat => ({ done: r?.done ?? 0, medianHours: hours(r?.median ?? null), p90Hours: hours(r?.p90 ?? null) });
  // GROUPING(team, bucket): 3 = overall, 1 = per team (bucket rolled up), 2 = per bucket.
  const teams = rows.filter((r) => r.grouping === 1).map((r) => ({ team: r.team!, ...stat(r) })).sort((a, b) => b.done - a.done || a.team.localeCompare(b.team));
  const byBucket = new Map(rows.filter((r) => r.grouping === 2).map((r) => [r.bucket!, r]));
  const series = periodBuckets(p).map((bucket) => ({ bucket, ...stat(byBucket.get(bucket)) }));
  return {
    summary: stat(rows.find((r) => r.grouping === 3)),
    teams,
    series,
    table: {
      columns: [
        { key: "team", label: "Team" },
        { key: "done", label: "Actions done" },
        { key: "medianHours", label: "Median lead time (hours)" },
        { key: "p90Hours", label: "p90 lead time (hours)" },
      ],
      rows: teams.map((t) => ({ team: t.team, done: t.done, medianHours: t.medianHours, p90Hours: t.p90Hours })),
    },
  };
}
