/** What you follow, with each team's name and slug, newest first. */
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import type { SubscriptionKind } from "./subscription-input";

export type SubscriptionView = {
  id: string;
  kind: SubscriptionKind;
  value: string;
  /** What to show: the team's name, or the service or tag. */
  label: string;
  team: { id: string; name: string; slug: string } | null;
  createdAt: Date;
};

type Row = { id: string; kind: SubscriptionKind; value: string; createdAt: Date };

export async function describeSubscriptions(rows: Row[]): Promise<SubscriptionView[]> {
  const teamIds = rows.filter((r) => r.kind === "TEAM").map((r) => r.value);
  const teams = teamIds.length ? await db().team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, slug: true } }) : [];
  const byId = new Map(teams.map((t) => [t.id, t]));
  return rows.map((r) => {
    const team = r.kind === "TEAM" ? (byId.get(r.value) ?? null) : null;
    return { id: r.id, kind: r.kind, value: r.value, label: team?.name ?? r.value, team, createdAt: r.createdAt };
  });
}

export async function listSubscriptions(actor: Actor): Promise<SubscriptionView[]> {
  const rows = await db().subscription.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, kind: true, value: true, createdAt: true },
  });
  return describeSubscriptions(rows);
}

/** True when the actor follows the team (for the team page's Follow button). */
export async function followsTeam(actor: Actor, teamId: string): Promise<boolean> {
  return (await db().subscription.count({ where: { userId: actor.id, kind: "TEAM", value: teamId } })) > 0;
}
