import type { Actor, ReviewFacts } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";
const facilitator = (r: ReviewFacts) => r.myRole === "FACILITATOR";

export const reviewRules = {
  /**
   * See that a review exists and its overview (never account content: that has its own rules).
   * Before publication: participants, admins and the owning team. After: per the visibility.
   */
  "review:view": (a: Actor, r: ReviewFacts) => {
    if (admin(a) || r.myRole !== null) return true;
    if (r.phase !== "PUBLISHED") return r.teamId in a.teams;
    if (r.visibility === "ORGANISATION") return true;
    if (r.visibility === "TEAM") return r.teamId in a.teams;
    return false;
  },
  /** Move the review one phase forward: its facilitator or an admin. */
  "review:move-phase": (a: Actor, r: ReviewFacts) => r.phase !== "PUBLISHED" && (admin(a) || facilitator(r)),
  /** Invite or remove participants, change the facilitator: until publication. */
  "review:manage-participants": (a: Actor, r: ReviewFacts) => r.phase !== "PUBLISHED" && (admin(a) || facilitator(r)),
  /** Edit title and settings. */
  "review:edit": (a: Actor, r: ReviewFacts) => r.phase !== "PUBLISHED" && (admin(a) || facilitator(r)),
};
