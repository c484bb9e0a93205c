import { cache } from "react";
import { db } from "../db/client";
import { AppError } from "../errors";
import { can } from "../policies";
import type { Actor } from "../policies/types";

/**
 * A team by id or slug (teams are not secret inside an organisation), or null — read once per
 * page render: the backlog's layout (its 404) and page (its listing) ask for the same team.
 */
export const findTeam = cache((idOrSlug: string) =>
  db().team.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: { id: true, name: true, slug: true } }),
);

/** A team with its members. */
export async function getTeam(actor: Actor, idOrSlug: string) {
  const team = await db().team.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    include: {
      memberships: {
        orderBy: [{ role: "desc" }, { createdAt: "asc" }],
        include: { user: { select: { id: true, name: true, email: true, deactivatedAt: true } } },
      },
    },
  });
  if (!team) throw AppError.notFound("Team");
  return { ...team, abilities: { manageMembers: can(actor, "team:manage-members", team) } };
}
