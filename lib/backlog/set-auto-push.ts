import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { loadManagedTeam } from "./load-team";
import { API_NAME_OF } from "./settings";

/** Turns automatic pushing on publication on or off for the team's tracker. */
export async function setAutoPush(actor: Actor, teamIdOrSlug: string, autoPush: boolean): Promise<{ autoPush: boolean }> {
  const team = await loadManagedTeam(actor, teamIdOrSlug);
  const connection = team.backlogConnection;
  if (!connection) throw new AppError("CONFLICT", "Connect a tracker before turning on automatic pushes.");
  if (connection.autoPush === autoPush) return { autoPush };
  await db().$transaction(async (tx) => {
    await tx.backlogConnection.update({ where: { id: connection.id }, data: { autoPush } });
    await recordAuditEvent(tx, {
      type: "backlog.connection_updated",
      actorId: actor.id,
      subjectId: connection.id,
      data: { teamId: team.id, provider: API_NAME_OF[connection.provider], fields: ["autoPush"] },
    });
  });
  return { autoPush };
}
