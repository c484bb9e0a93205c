import { db } from "../db/client";
import type { Actor } from "../policies/types";

/** All teams (names are not secret inside an organisation), with member counts and the actor's role. */
export async function listTeams(actor: Actor) {
  const teams = await db().team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, description: true, _count: { select: { memberships: true } } },
  });
  return teams.map((t) => ({ ...t, memberCount: t._count.memberships, myRole: actor.teams[t.id] ?? null }));
}
