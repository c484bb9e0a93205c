import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadBacklogTeam } from "./list-backlog";

/** The reviews a team's backlog has actions from, newest first: the backlog's "by review" filter. */
export async function listBacklogReviews(actor: Actor, teamIdOrSlug: string, limit = 200) {
  const team = await loadBacklogTeam(actor, teamIdOrSlug);
  return db().$queryRaw<{ id: string; title: string }[]>`
    SELECT r.id, r.title FROM "Review" r
    WHERE r.id IN (SELECT DISTINCT a."reviewId" FROM "ActionItem" a WHERE a."teamId" = ${team.id})
    ORDER BY r."createdAt" DESC, r.id
    LIMIT ${limit}`;
}
