/**
 * Participation: for reviews whose accounts were revealed in the period, how many of the invited
 * responders had submitted their independent account before the reveal (submittedAt ≤ revealedAt)
 * — overall, per week or month, and per review (the latest first, up to `rows`). One query.
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { periodBuckets } from "./buckets";
import { ratio, type MetricOptions, type MetricTable } from "./metric-types";
import type { Period } from "./period";
import { meJoin, reviewsVisibleSql, reviewTeamSql } from "./scope-sql";

type Counts = { reviews: number; responders: number; submitted: number; share: number | null };
export type ParticipationMetric = { summary: Counts; series: (Counts & { bucket: string })[]; table: MetricTable };

type Agg = { bucket: string | null; g: number; reviews: number; responders: number; submitted: number };
type One = { title: string; team: string; revealedAt: string; responders: number; submitted: number };

export async function participationMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<ParticipationMetric> {
  const [r] = await (options.client ?? db()).$queryRaw<{ aggs: Agg[]; rows: One[] }[]>(Prisma.sql`
    WITH v AS (
      SELECT r.id, r.title, t.name AS team, r."revealedAt", date_trunc(${p.bucket}, r."revealedAt") AS b
      FROM "Review" r JOIN "Incident" i ON i.id = r."incidentId" JOIN "Team" t ON t.id = i."teamId" ${meJoin(actor)}
      WHERE r."revealedAt" >= ${p.from} AND r."revealedAt" < ${p.to} AND ${reviewTeamSql(p)} AND ${reviewsVisibleSql(actor)}
    ), per AS (
      SELECT v.id, v.title, v.team, v."revealedAt", v.b, count(rp.id)::int AS responders,
             count(ra.id) FILTER (WHERE ra."submittedAt" <= v."revealedAt")::int AS submitted
      FROM v
      LEFT JOIN "ReviewParticipant" rp ON rp."reviewId" = v.id AND rp.role = 'RESPONDER'
      LEFT JOIN "ResponderAccount" ra ON ra."reviewId" = v.id AND ra."authorId" = rp."userId"
      GROUP BY v.id, v.title, v.team, v."revealedAt", v.b
    )
    SELECT (SELECT COALESCE(json_agg(a), '[]'::json) FROM (
              SELECT to_char(b, 'YYYY-MM-DD') AS bucket, GROUPING(b) AS g, count(*) AS reviews, COALESCE(sum(responders), 0) AS responders, COALESCE(sum(submitted), 0) AS submitted
              FROM per GROUP BY GROUPING SETS ((), (b))) a) AS aggs,
           (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
              SELECT title, team, to_char("revealedAt", 'YYYY-MM-DD') AS "revealedAt", responders, submitted
              FROM per ORDER BY "revealedAt" DESC, id LIMIT ${options.rows ?? 100}) x) AS rows`);
  const { aggs, rows } = r!;
  const counts = (a: Agg | undefined): Counts => ({
    reviews: a?.reviews ?? 0,
    responders: a?.responders ?? 0,
    submitted: a?.submitted ?? 0,
    share: ratio(a?.submitted ?? 0, a?.responders ?? 0),
  });
  const byBucket = new Map(aggs.filter((a) => a.g === 0).map((a) => [a.bucket!, a]));
  return {
    summary: counts(aggs.find((a) => a.g === 1)),
    series: periodBuckets(p).map((bucket) => ({ bucket, ...counts(byBucket.get(bucket)) })),
    table: {
      columns: [
        { key: "title", label: "Review" },
        { key: "team", label: "Team" },
        { key: "revealedAt", label: "Accounts revealed" },
        { key: "responders", label: "Responders" },
        { key: "submitted", label: "Accounts before the reveal" },
        { key: "share", label: "Share" },
      ],
      rows: rows.map((x) => ({ ...x, share: ratio(x.submitted, x.responders) })),
    },
  };
}
