/** A team's review actions over a week, for its product managers' digest: agreed, overdue now, and done. */
import { db } from "../db/client";
import { startOfDayUtc } from "../action-items/action-fields";

export type WeekAction = { id: string; title: string; reviewId: string; dueDate: Date | null; priority: string };
export type TeamWeek = { added: WeekAction[]; overdue: WeekAction[]; done: WeekAction[] };

const select = { id: true, title: true, reviewId: true, dueDate: true, priority: true } as const;

export async function teamWeek(teamId: string, from: Date, to: Date): Promise<TeamWeek> {
  const [added, overdue, done] = await Promise.all([
    db().actionItem.findMany({ where: { teamId, agreedAt: { gt: from, lte: to } }, select, orderBy: [{ agreedAt: "asc" }, { id: "asc" }] }),
    db().actionItem.findMany({
      where: { teamId, agreedAt: { not: null }, status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: startOfDayUtc(to) } },
      select,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    }),
    db().actionItem.findMany({ where: { teamId, status: "DONE", closedAt: { gt: from, lte: to } }, select, orderBy: [{ closedAt: "asc" }, { id: "asc" }] }),
  ]);
  return { added, overdue, done };
}

export const weekIsEmpty = (w: TeamWeek) => !w.added.length && !w.overdue.length && !w.done.length;
