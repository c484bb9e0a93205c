/**
 * The team's recent tracker activity for its settings page: the actions sent lately (waiting,
 * in the tracker, or failed with the reason) with their last history entry. Team members and
 * admins read it (the backlog's readers).
 */
import { db } from "../db/client";
import { can } from "../policies";
import type { Actor } from "../policies/types";
import { API_NAME_OF } from "./settings";

export async function listSyncActivity(actor: Actor, teamId: string, limit = 15) {
  if (!can(actor, "backlog:read", { id: teamId })) return [];
  const actions = await db().actionItem.findMany({
    where: { teamId, syncState: { not: "LOCAL" } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      status: true,
      syncState: true,
      syncError: true,
      lastSyncedAt: true,
      externalProvider: true,
      externalKey: true,
      externalUrl: true,
      review: { select: { id: true, title: true } },
      syncEvents: { orderBy: { createdAt: "desc" }, take: 1, select: { direction: true, kind: true, createdAt: true } },
    },
  });
  return actions.map(({ syncEvents, externalProvider, ...a }) => ({
    ...a,
    provider: externalProvider ? API_NAME_OF[externalProvider] : null,
    lastEvent: syncEvents[0] ?? null,
  }));
}

export type SyncActivityItem = Awaited<ReturnType<typeof listSyncActivity>>[number];
