import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

/** A team by id or slug with its connection, when the actor may manage its tracker (404 / 403 otherwise). */
export async function loadManagedTeam(actor: Actor, idOrSlug: string, tx?: Tx) {
  const team = await (tx ?? db()).team.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, include: { backlogConnection: true } });
  if (!team) throw AppError.notFound("Team");
  authorize(actor, "backlog:manage-connection", team, { message: "Only admins and the team's product managers manage its tracker." });
  return team;
}
