/**
 * Open and overdue actions by owning team and priority, as they stood at the end of the period:
 * agreed by then and not yet done or dropped by then; overdue when due before that day.
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { ACTION_PRIORITIES, PRIORITY_LABEL, type ActionPriorityName } from "../action-items/action-fields";
import type { Actor } from "../policies/types";
import type { MetricOptions, MetricTable } from "./metric-types";
import type { Period } from "./period";
import { actionsVisibleSql, actionTeamSql, meJoin } from "./scope-sql";

type Counts = { open: number; overdue: number };
export type OpenActionsTeam = { team: string; slug: string; open: number; overdue: number; byPriority: Record<ActionPriorityName, Counts> };
export type OpenActionsMetric = {
  summary: { open: number; overdue: number; byPriority: Record<ActionPriorityName, Counts>; asOf: string };
  teams: OpenActionsTeam[];
  table: MetricTable;
};

const empty = () => Object.fromEntries(ACTION_PRIORITIES.map((k) => [k, { open: 0, overdue: 0 }])) as Record<ActionPriorityName, Counts>;

export async function openActionsMetric(actor: Actor, p: Period, options: MetricOptions = {}): Promise<OpenActionsMetric> {
  // The period's exclusive end is midnight after its last day: overdue means due before that last day.
  const lastDay = new Date(p.to.getTime() - 86_400_000);
  const asOf = new Date(Math.min(p.to.getTime(), Date.now()));
  const rows = await (options.client ?? db()).$queryRaw<{ team: string; slug: string; priority: ActionPriorityName; open: number; overdue: number }[]>(Prisma.sql`
    SELECT t.name AS team, t.slug, a.priority::text AS priority, count(*)::int AS open,
           count(*) FILTER (WHERE a."dueDate" < ${lastDay})::int AS overdue
    FROM "ActionItem" a JOIN "Team" t ON t.id = a."teamId" JOIN "Review" r ON r.id = a."reviewId" JOIN "Incident" i ON i.id = r."incidentId" ${meJoin(actor)}
    WHERE a."agreedAt" IS NOT NULL AND a."agreedAt" < ${asOf}
      AND (a."closedAt" IS NULL OR a."closedAt" >= ${asOf}) AND (a.status IN ('OPEN', 'IN_PROGRESS') OR a."closedAt" IS NOT NULL)
      AND ${actionTeamSql(p)} AND ${actionsVisibleSql(actor)}
    GROUP BY t.name, t.slug, a.priority`);
  const teams = new Map<string, OpenActionsTeam>();
  const total = empty();
  for (const r of rows) {
    const t = teams.get(r.slug) ?? { team: r.team, slug: r.slug, open: 0, overdue: 0, byPriority: empty() };
    t.open += r.open;
    t.overdue += r.overdue;
    t.byPriority[r.priority] = { open: r.open, overdue: r.overdue };
    total[r.priority].open += r.open;
    total[r.priority].overdue += r.overdue;
    teams.set(r.slug, t);
  }
  const list = [...teams.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.team.localeCompare(b.team));
  return {
    summary: {
      open: list.reduce((n, t) => n + t.open, 0),
      overdue: list.reduce((n, t) => n + t.overdue, 0),
      byPriority: total,
      asOf: lastDay.toISOString().slice(0, 10),
    },
    teams: list,
    table: {
      columns: [
        { key: "team", label: "Team" },
        { key: "priority", label: "Priority" },
        { key: "open", label: "Open" },
        { key: "overdue", label: "Overdue" },
      ],
      rows: list.flatMap((t) =>
        ACTION_PRIORITIES.filter((k) => t.byPriority[k].open).map((k) => ({ team: t.team, priority: PRIORITY_LABEL[k], open: t.byPriority[k].open, overdue: t.byPriority[k].overdue })),
      ),
    },
  };
}
