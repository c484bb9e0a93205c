/** Which incidents an actor may see, as a Prisma filter that mirrors the "incident:view" policy. */
import type { Prisma } from "../db/generated/client";
import type { Actor, IncidentFacts } from "../policies/types";

export function visibleIncidentsWhere(actor: Actor): Prisma.IncidentWhereInput {
  if (actor.role === "ADMIN") return {};
  return {
    OR: [
      { teamId: { in: Object.keys(actor.teams) } },
      { createdById: actor.id },
      { reviews: { some: { participants: { some: { userId: actor.id } } } } },
      { reviews: { some: { phase: "PUBLISHED", visibility: "ORGANISATION" } } },
    ],
  };
}

/** Loads what the incident policies need for `actor`. */
export const incidentFactsSelect = (actorId: string) =>
  ({
    teamId: true,
    createdById: true,
    reviews: {
      select: { phase: true, visibility: true, participants: { where: { userId: actorId }, select: { id: true } } },
    },
  }) satisfies Prisma.IncidentSelect;

export function toIncidentFacts(i: {
  teamId: string;
  createdById: string | null;
  reviews: { phase: string; visibility: string; participants: { id: string }[] }[];
}): IncidentFacts {
  return {
    teamId: i.teamId,
    createdById: i.createdById,
    participatesInAReview: i.reviews.some((r) => r.participants.length > 0),
    publishedToOrganisation: i.reviews.some((r) => r.phase === "PUBLISHED" && r.visibility === "ORGANISATION"),
  };
}
