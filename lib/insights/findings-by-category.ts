/**
 * Findings by category over time, for reviews published in the period (by the week or month of
 * publication): is the organisation learning about knowledge gaps, surprises and how it works —
 * not only technical fixes?
 *
 * Findings are grouped on the raw bucket and category and only the groups are formatted: formatting
 * every finding's date and category as text cost more than the grouping (tests/bench/notes.md).
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL, type FindingCategoryName } from "../findings/categories";
import type { Actor } from "../policies/types";
import { periodBuckets } from "./buckets";
import { ratio, type MetricOptions, type MetricTable } from "./metric-types";
import type { Period } from "./period";
import { meJoin, reviewsVisibleSql, reviewTeamSql } from "./scope-sql";

export type FindingsBucket = { bucket: string; total: number } & Record<FindingCategoryName, number>;
export type FindingsMetric = {
  summary: { findings: number; reviews: number; byCategory: Record<FindingCategoryName, number>; beyondTechnical: number | null };
  series: FindingsBucket[];
  table: MetricTable;
};

const zeros = () => Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, 0])) as Record<FindingCategoryName, number>;

export async function findingsMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<FindingsMetric> {
  const [r] = await (options.client ?? db()).$queryRaw<{ rows: { bucket: string; category: FindingCategoryName; n: number }[]; reviews: number }[]>(Prisma.sql`
    WITH f AS (
      SELECT date_trunc(${p.bucket}, r."publishedAt") AS bucket, f.category, f."reviewId"
      FROM "Finding" f JOIN "Review" r ON r.id = f."reviewId" JOIN "Incident" i ON i.id = r."incidentId" ${meJoin(actor)}
      WHERE r.phase = 'PUBLISHED' AND r."publishedAt" >= ${p.from} AND r."publishedAt" < ${p.to} AND ${reviewTeamSql(p)} AND ${reviewsVisibleSql(actor)}
    )
    SELECT (SELECT COALESCE(json_agg(json_build_object('bucket', to_char(bucket, 'YYYY-MM-DD'), 'category', category::text, 'n', n)), '[]'::json)
              FROM (SELECT bucket, category, count(*)::int AS n FROM f GROUP BY 1, 2) x) AS rows,
           (SELECT count(*)::int FROM (SELECT DISTINCT "reviewId" FROM f) d) AS reviews`);
  const { rows } = r!;
  const series: FindingsBucket[] = periodBuckets(p).map((bucket) => ({ bucket, total: 0, ...zeros() }));
  const index = new Map(series.map((s) => [s.bucket, s]));
  const byCategory = zeros();
  for (const r of rows) {
    byCategory[r.category] += r.n;
    const s = index.get(r.bucket);
    if (!s) continue;
    s[r.category] += r.n;
    s.total += r.n;
  }
  const findings = FINDING_CATEGORIES.reduce((n, c) => n + byCategory[c], 0);
  // Learning beyond technical fixes: human & organisational factors, knowledge gaps and surprises.
  const beyond = byCategory.CONTRIBUTING_HUMAN + byCategory.KNOWLEDGE_GAP + byCategory.OPERATIONAL_SURPRISE;
  return {
    summary: { findings, reviews: r!.reviews, byCategory, beyondTechnical: ratio(beyond, findings - byCategory.WENT_WELL) },
    series,
    table: {
      columns: [
        { key: "bucket", label: p.bucket === "week" ? "Week of" : "Month" },
        { key: "total", label: "Findings" },
        ...FINDING_CATEGORIES.map((c) => ({ key: c, label: FINDING_CATEGORY_LABEL[c] })),
      ],
      rows: series.map((s) => ({ ...s })),
    },
  };
}
