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

const CHOICES_TTL_MS = 30_000;
let choices: { at: number; teams: Promise<{ id: string; name: string }[]> } | null = null;

/**
 * Every team's id and name, for filter menus on busy pages (the reviews list): read at most every
 * 30 seconds per process, since teams are only ever added (createTeam forgets it at once here).
 */
export function teamChoices(now = Date.now()): Promise<{ id: string; name: string }[]> {
  if (!choices || now - choices.at > CHOICES_TTL_MS) {
    const teams = db().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
    choices = { at: now, teams };
    // A failed read is not kept.
    teams.catch(() => {
      if (choices?.teams === teams) choices = null;
    });
  }
  return choices.teams;
}

/** Makes the next teamChoices() read the database. */
export function forgetTeamChoices(): void {
  choices = null;
}
