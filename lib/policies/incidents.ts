import type { Actor, IncidentFacts, TeamFacts } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";

export const incidentRules = {
  /** Record an incident owned by a team: admins, or members of that team. */
  "incident:create": (a: Actor, team: TeamFacts) => admin(a) || team.id in a.teams,
  "incident:view": (a: Actor, i: IncidentFacts) =>
    admin(a) || i.teamId in a.teams || i.createdById === a.id || i.participatesInAReview || i.publishedToOrganisation,
  "incident:edit": (a: Actor, i: IncidentFacts) => admin(a) || i.teamId in a.teams || i.createdById === a.id,
  /** Start a review of an incident: admins and members of the owning team. */
  "review:create": (a: Actor, i: IncidentFacts) => admin(a) || i.teamId in a.teams,
};
