import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadBacklogTeam } from "./list-backlog";

/** The reviews a team's backlog has actions from, newest first: the backlog's "by review" filter. */
export async function listBacklogReviews(actor: Actor, teamIdOrSlug: string, limit = 100) {
  const team = await loadBacklogTeam(actor, teamIdOrSlug);
  return db().$queryRaw<{ id: string; title: string }[]>`
    SELECT r.id, r.title FROM "Review" r
    WHERE EXISTS (SELECT 1 FROM "ActionItem" a WHERE a."reviewId" = r.id AND a."teamId" = ${team.id})
    ORDER BY r."createdAt" DESC, r.id
    LIMIT ${limit}`;
}
