import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { inboundWebhookUrl } from "./connection";
import { encryptSecret } from "./crypto";
import { loadManagedTeam } from "./load-team";

/**
 * Replaces the secret the tracker's webhooks are verified with, returning it this once. Deliveries
 * signed with the old one are refused (401) from now on: paste the new one into the tracker.
 */
export async function rotateInboundSecret(actor: Actor, teamIdOrSlug: string): Promise<{ url: string; secret: string }> {
  const team = await loadManagedTeam(actor, teamIdOrSlug);
  const connection = team.backlogConnection;
  if (!connection) throw new AppError("CONFLICT", "The team has no tracker connected.");
  const secret = randomBytes(24).toString("base64url");
  await db().$transaction(async (tx) => {
    await tx.backlogConnection.update({ where: { id: connection.id }, data: { inboundSecret: encryptSecret(secret, `${team.id}:inbound`) } });
    await recordAuditEvent(tx, { type: "backlog.inbound_secret_rotated", actorId: actor.id, subjectId: connection.id, data: { teamId: team.id } });
  });
  return { url: inboundWebhookUrl(connection), secret };
}
