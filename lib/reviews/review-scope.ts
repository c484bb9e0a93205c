/**
 * Which reviews an actor may see, as a Prisma filter mirroring the "review:view" policy
 * (tests check the two agree for every role and phase), and the facts policies need.
 */
import type { Prisma } from "../db/generated/client";
import type { Actor, ParticipantRole, ReviewFacts, ReviewPhase, ReviewVisibility } from "../policies/types";

export function visibleReviewsWhere(actor: Actor): Prisma.ReviewWhereInput {
  if (actor.role === "ADMIN") return {};
  const teamIds = Object.keys(actor.teams);
  return {
    OR: [
      { participants: { some: { userId: actor.id } } },
      { phase: { not: "PUBLISHED" }, incident: { teamId: { in: teamIds } } },
      { phase: "PUBLISHED", visibility: "ORGANISATION" },
      { phase: "PUBLISHED", visibility: "TEAM", incident: { teamId: { in: teamIds } } },
    ],
  };
}

export function toReviewFacts(
  review: { phase: ReviewPhase; visibility: ReviewVisibility; incident: { teamId: string }; participants: { userId: string; role: ParticipantRole }[] },
  actor: Actor,
): ReviewFacts {
  return {
    phase: review.phase,
    visibility: review.visibility,
    teamId: review.incident.teamId,
    myRole: review.participants.find((p) => p.userId === actor.id)?.role ?? null,
  };
}
