import { listBacklogsToRank, listMyActions } from "../action-items/my-actions";
import { db } from "../db/client";
import { listPublishedReviews } from "../follow/published-reviews";
import { accountsIn } from "../responder-accounts/accounts-in";
import type { Actor } from "../policies/types";
import { visibleReviewsWhere } from "./review-scope";
import { visibleIncidentsWhere } from "../incidents/incident-scope";

const reviewSelect = {
  id: true,
  title: true,
  phase: true,
  updatedAt: true,
  phaseChangedAt: true,
  incident: { select: { id: true, title: true, severity: true, team: { select: { name: true } } } },
} as const;

/**
 * What needs this person now: the My work page — accounts to write (deadline first), reviews they
 * facilitate or take part in, their open actions, the backlogs they rank, their teams' incidents
 * without a review, and what was published for what they follow (or lately, if they follow nothing).
 */
export async function getMyWork(actor: Actor, now = new Date()) {
  const mine = await db().reviewParticipant.findMany({
    where: { userId: actor.id, review: { phase: { not: "PUBLISHED" } } },
    select: {
      role: true,
      review: { select: { ...reviewSelect, accountDeadline: true, accounts: { where: { authorId: actor.id }, select: { status: true } } } },
    },
    orderBy: { review: { updatedAt: "desc" } },
    take: 100,
  });
  const submitted = (m: (typeof mine)[number]) => m.review.accounts[0]?.status === "SUBMITTED";
  const row = ({ review: { accounts: _mine, accountDeadline: _deadline, ...review } }: (typeof mine)[number]) => review;
  const writing = mine.filter((m) => m.role === "RESPONDER" && m.review.phase === "INDEPENDENT" && !submitted(m));
  const toWrite = writing
    .map((m) => ({ ...row(m), deadline: m.review.accountDeadline, overdue: Boolean(m.review.accountDeadline && m.review.accountDeadline < now) }))
    // The nearest deadline first; reviews without one after, most recently active first.
    .sort((a, b) => (a.deadline?.getTime() ?? Infinity) - (b.deadline?.getTime() ?? Infinity));
  const facilitated = mine.filter((m) => m.role === "FACILITATOR").map(row);
  const other = mine
    .filter((m) => m.role !== "FACILITATOR" && !writing.includes(m))
    .map((m) => ({ ...row(m), role: m.role, submitted: m.role === "RESPONDER" && m.review.phase === "INDEPENDENT" && submitted(m) }));

  const since = new Date(now.getTime() - 60 * 86_400_000);
  const teamIds = Object.keys(actor.teams);
  const [accounts, unreviewed, actions, backlogs, following, follows] = await Promise.all([
    // While accounts are written, how many of the responders' accounts are in (counts, never content).
    accountsIn(facilitated.filter((r) => r.phase === "INDEPENDENT").map((r) => r.id)),
    teamIds.length
      ? db().incident.findMany({
          where: { AND: [visibleIncidentsWhere(actor), { teamId: { in: teamIds }, startedAt: { gte: since }, reviews: { none: {} } }] },
          orderBy: { startedAt: "desc" },
          take: 5,
          select: { id: true, title: true, severity: true, startedAt: true, team: { select: { name: true } } },
        })
      : [],
    listMyActions(actor, now),
    listBacklogsToRank(actor, now),
    listPublishedReviews(actor, { followedBy: actor.id, limit: 5 }),
    db().subscription.count({ where: { userId: actor.id } }),
  ]);
  const facilitating = facilitated.map((r) => ({ ...r, accounts: accounts.get(r.id) ?? null }));
  // What was published for what they follow; lately published reviews when they follow nothing (or nothing matched yet).
  const published = following.length
    ? following.map((r) => ({ id: r.id, title: r.title, phase: "PUBLISHED" as const, updatedAt: r.publishedAt, publishedAt: r.publishedAt, incident: { severity: r.severity, team: { name: r.team.name } } }))
    : await db().review.findMany({
        where: { AND: [visibleReviewsWhere(actor), { phase: "PUBLISHED" }] },
        // PostgreSQL puts NULLs first when descending: a review without a publication time goes last.
        orderBy: { publishedAt: { sort: "desc", nulls: "last" } },
        take: 5,
        select: { ...reviewSelect, publishedAt: true },
      });
  return { toWrite, facilitating, other, actions, backlogs, unreviewed, published, publishedFor: following.length ? ("following" as const) : ("everyone" as const), follows };
}
