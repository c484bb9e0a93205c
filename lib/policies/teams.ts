import type { Actor, TeamFacts } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";

export const adminRules = {
  /** Admin pages: teams, members, invitations, roles, audit log. */
  "admin:manage": (a: Actor, _: null) => admin(a),
};

export const teamRules = {
  "team:view": (_a: Actor, _t: TeamFacts) => true,
  /** Add or remove members and change their team role. */
  "team:manage-members": (a: Actor, t: TeamFacts) => admin(a) || a.teams[t.id] === "PRODUCT_MANAGER",
};
