import { db } from "../db/client";
import type { Actor, TeamRole } from "../policies/types";

/** Loads an active user and their team roles as an Actor; null when unknown or deactivated. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      deactivatedAt: true,
      timezone: true,
      teamMemberships: { select: { teamId: true, role: true } },
    },
  });
  if (!user || user.deactivatedAt) return null;
  const teams: Record<string, TeamRole> = {};
  for (const m of user.teamMemberships) teams[m.teamId] = m.role;
  return { id: user.id, email: user.email, name: user.name, role: user.role, teams, timezone: user.timezone };
}
