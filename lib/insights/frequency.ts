/**
 * Improvement action frequency: actions done per week (Monday to Sunday, UTC) in the period, by
 * kind — fixes, mitigations, detection, process and learning — so a run of only technical fixes
 * shows. Weeks without any are zeros, not gaps. Grouped on the raw week and kind; only the groups
 * are formatted as text.
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { ACTION_KINDS, KIND_LABEL, type ActionKindName } from "../action-items/action-fields";
import type { Actor } from "../policies/types";
import { periodWeeks } from "./buckets";
import type { MetricOptions, MetricTable } from "./metric-types";
import type { Period } from "./period";
import { actionsVisibleSql, actionTeamSql, meJoin } from "./scope-sql";

export type FrequencyWeek = { week: string; total: number } & Record<ActionKindName, number>;
export type FrequencyMetric = {
  summary: { done: number; weeks: number; perWeek: number; weeksWithNone: number };
  weeks: FrequencyWeek[];
  table: MetricTable;
};

export async function frequencyMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<FrequencyMetric> {
  const rows = await (options.client ?? db()).$queryRaw<{ week: string; kind: ActionKindName; done: number }[]>(Prisma.sql`
    SELECT to_char(week, 'YYYY-MM-DD') AS week, kind::text AS kind, done FROM (
      SELECT date_trunc('week', a."closedAt") AS week, a.kind, count(*)::int AS done
      FROM "ActionItem" a JOIN "Review" r ON r.id = a."reviewId" JOIN "Incident" i ON i.id = r."incidentId" ${meJoin(actor)}
      WHERE a.status = 'DONE' AND a."closedAt" >= ${p.from} AND a."closedAt" < ${p.to} AND ${actionTeamSql(p)} AND ${actionsVisibleSql(actor)}
      GROUP BY 1, 2) x`);
  const weeks: FrequencyWeek[] = periodWeeks(p).map((week) => ({ week, total: 0, ...(Object.fromEntries(ACTION_KINDS.map((k) => [k, 0])) as Record<ActionKindName, number>) }));
  const index = new Map(weeks.map((w) => [w.week, w]));
  for (const r of rows) {
    const w = index.get(r.week);
    if (!w) continue;
    w[r.kind] += r.done;
    w.total += r.done;
  }
  const done = weeks.reduce((n, w) => n + w.total, 0);
  return {
    summary: { done, weeks: weeks.length, perWeek: weeks.length ? Math.round((done / weeks.length) * 10) / 10 : 0, weeksWithNone: weeks.filter((w) => !w.total).length },
    weeks,
    table: {
      columns: [{ key: "week", label: "Week of" }, { key: "total", label: "Actions done" }, ...ACTION_KINDS.map((k) => ({ key: k, label: KIND_LABEL[k] }))],
      rows: weeks.map((w) => ({ ...w })),
    },
  };
}
