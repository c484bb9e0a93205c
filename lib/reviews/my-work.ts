import { db } from "../db/client";
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

/** What needs this person now: the My work page. */
export async function getMyWork(actor: Actor) {
  const mine = await db().reviewParticipant.findMany({
    where: { userId: actor.id, review: { phase: { not: "PUBLISHED" } } },
    select: { role: true, review: { select: reviewSelect } },
    orderBy: { review: { updatedAt: "desc" } },
    take: 100,
  });
  const toWrite = mine.filter((m) => m.role === "RESPONDER" && m.review.phase === "INDEPENDENT").map((m) => m.review);
  const facilitating = mine.filter((m) => m.role === "FACILITATOR").map((m) => m.review);
  const other = mine.filter((m) => !toWrite.includes(m.review) && !facilitating.includes(m.review)).map((m) => ({ ...m.review, role: m.role }));

  const since = new Date(Date.now() - 60 * 86_400_000);
  const teamIds = Object.keys(actor.teams);
  const unreviewed = teamIds.length
    ? await db().incident.findMany({
        where: { AND: [visibleIncidentsWhere(actor), { teamId: { in: teamIds }, startedAt: { gte: since }, reviews: { none: {} } }] },
        orderBy: { startedAt: "desc" },
        take: 5,
        select: { id: true, title: true, severity: true, startedAt: true, team: { select: { name: true } } },
      })
    : [];

  const published = await db().review.findMany({
    where: { AND: [visibleReviewsWhere(actor), { phase: "PUBLISHED" }] },
    orderBy: { publishedAt: "desc" },
    take: 5,
    select: { ...reviewSelect, publishedAt: true },
  });
  return { toWrite, facilitating, other, unreviewed, published };
}
