/**
 * A team's tracker connection as anyone who may see the team sees it — never its secrets — with
 * what the actor may do about it.
 */
import { db } from "../db/client";
import { AppError } from "../errors";
import { can } from "../policies";
import type { Actor } from "../policies/types";
import { connectionView } from "./connection";

export async function getBacklogConnection(actor: Actor, teamIdOrSlug: string) {
  const team = await db().team.findFirst({
    where: { OR: [{ id: teamIdOrSlug }, { slug: teamIdOrSlug }] },
    select: { id: true, name: true, slug: true, chatWebhookUrl: true, backlogConnection: true },
  });
  if (!team || !can(actor, "backlog:view-connection", team)) throw AppError.notFound("Team");
  const manage = can(actor, "backlog:manage-connection", team);
  return {
    team: { id: team.id, name: team.name, slug: team.slug },
    connection: team.backlogConnection ? connectionView(team.backlogConnection) : null,
    chatWebhook: { configured: Boolean(team.chatWebhookUrl), host: manage && team.chatWebhookUrl ? safeHost(team.chatWebhookUrl) : null },
    abilities: { manage },
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
