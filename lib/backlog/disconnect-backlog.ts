/**
 * Disconnects a team's tracker. Its actions keep their external key, link and last known state;
 * a push or update still waiting is not sent (it says so on the action). Nothing is deleted in
 * the tracker.
 */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { loadManagedTeam } from "./load-team";
import { API_NAME_OF } from "./settings";

export async function disconnectBacklog(actor: Actor, teamIdOrSlug: string): Promise<void> {
  const team = await loadManagedTeam(actor, teamIdOrSlug);
  const connection = team.backlogConnection;
  if (!connection) throw new AppError("NOT_FOUND", "The team has no tracker connected.");
  await db().$transaction(async (tx) => {
    await tx.backlogConnection.delete({ where: { id: connection.id } });
    // Waiting work is not sent: never pushed → back to local; changes of a pushed action → failed, with why.
    await tx.actionItem.updateMany({ where: { teamId: team.id, syncState: "PENDING", externalId: null }, data: { syncState: "LOCAL", syncError: null } });
    await tx.actionItem.updateMany({
      where: { teamId: team.id, syncState: "PENDING", externalId: { not: null } },
      data: { syncState: "FAILED", syncError: "The team's tracker was disconnected before this change was sent." },
    });
    await recordAuditEvent(tx, { type: "backlog.disconnected", actorId: actor.id, subjectId: connection.id, data: { teamId: team.id, provider: API_NAME_OF[connection.provider] } });
  });
}
