/**
 * Actions on a person's My work page: the agreed actions assigned to them that are still open,
 * and — for product managers — each backlog they rank, with how many actions arrived since they
 * last moved one in it.
 */
import { db } from "../db/client";
import { can } from "../policies";
import type { Actor } from "../policies/types";
import { toReviewFacts } from "../reviews/review-scope";
import { actionReviewSelect } from "./action-access";
import { dueDateText, isOverdue, startOfDayUtc, type ActionStatusName } from "./action-fields";

/**
 * Open agreed actions assigned to the actor (an assignee may always see their action), overdue
 * and soonest due first. Each links to its review's actions when the actor may read them, else
 * to its team's backlog when they are in the team, else nowhere.
 */
export async function listMyActions(actor: Actor, now = new Date(), limit = 10) {
  const where = { assigneeId: actor.id, agreedAt: { not: null }, status: { in: ["OPEN", "IN_PROGRESS"] as ActionStatusName[] } };
  const [rows, total] = await Promise.all([
    db().actionItem.findMany({
      where,
      // Soonest due first — overdue ones are the earliest — no due date last; within a day HIGH before LOW (the enum's order).
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { priority: "asc" }, { agreedAt: "asc" }],
      take: limit,
      select: {
        id: true,
        title: true,
        status: true,
        priority: true,
        dueDate: true,
        team: { select: { id: true, name: true, slug: true } },
        review: { select: actionReviewSelect },
      },
    }),
    db().actionItem.count({ where }),
  ]);
  const items = rows.map((a) => {
    const readsReview = can(actor, "review:read-actions", toReviewFacts(a.review, actor));
    const href = readsReview ? `/reviews/${a.review.id}/actions#action-${a.id}` : a.team.id in actor.teams ? `/teams/${a.team.slug}/backlog` : null;
    return {
      id: a.id,
      title: a.title,
      status: a.status,
      priority: a.priority,
      dueDate: dueDateText(a.dueDate),
      overdue: isOverdue(a, now),
      team: { name: a.team.name, slug: a.team.slug },
      review: readsReview ? { id: a.review.id, title: a.review.title } : null,
      href,
    };
  });
  return { items, total };
}

type BacklogRow = { id: string; name: string; slug: string; open: number; overdue: number; new: number; lastRankedAt: Date | null };

/**
 * The backlogs the actor ranks (teams where they are product manager), counted as the backlog
 * page counts them (proposals included): open and overdue actions, and how many open ones arrived
 * since the actor last moved an action in that backlog — the ones waiting for their place. One
 * query for all their teams.
 */
export async function listBacklogsToRank(actor: Actor, now = new Date()) {
  const teamIds = Object.entries(actor.teams)
    .filter(([, role]) => role === "PRODUCT_MANAGER")
    .map(([id]) => id);
  if (!teamIds.length) return [];
  const today = startOfDayUtc(now);
  const rows = await db().$queryRaw<BacklogRow[]>`
    SELECT t.id, t.name, t.slug, last.at AS "lastRankedAt",
           count(a.id) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS'))::int AS open,
           count(a.id) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a."dueDate" < ${today})::int AS overdue,
           count(a.id) FILTER (WHERE a.status = 'OPEN' AND (last.at IS NULL OR a."createdAt" > last.at))::int AS new
    FROM "Team" t
    LEFT JOIN LATERAL (
      SELECT max(e."createdAt") AS at FROM "AuditEvent" e
      WHERE e."actorId" = ${actor.id} AND e.type = 'action.moved' AND e.data->>'teamId' = t.id
    ) last ON TRUE
    LEFT JOIN "ActionItem" a ON a."teamId" = t.id
    WHERE t.id = ANY(${teamIds}::text[])
    GROUP BY t.id, t.name, t.slug, last.at
    ORDER BY t.name`;
  return rows.map((r) => ({ ...r, lastRankedAt: r.lastRankedAt ? new Date(r.lastRankedAt) : null }));
}

export type MyActions = Awaited<ReturnType<typeof listMyActions>>;
export type BacklogToRank = Awaited<ReturnType<typeof listBacklogsToRank>>[number];
