/**
 * Publishing, the report and the learning library.
 *
 * - The facilitator (or an admin) prepares the report — summary, impact, tags, the audience
 *   (visibility) and the sensitive-content confirmation — while the review is in ACTION_PLANNING,
 *   and publishes it from there. After publication they may still correct the summary, impact and
 *   tags and widen or narrow the audience: the findings, timeline and narrative are settled.
 * - The report of a published review is read by whoever may see the review (`review:view`, per its
 *   visibility); before publication the review's participants and admins read it as a preview from
 *   the reveal on (what they already read in the session).
 * - The library is everyone's; what it finds is filtered by `review:view` in SQL
 *   (lib/reviews/review-scope-sql.ts), so search never returns what the reader may not see.
 */
import type { Actor, ReviewFacts, ReviewPhase } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";
const runs = (a: Actor, r: ReviewFacts) => admin(a) || r.myRole === "FACILITATOR";
const PREVIEW: ReviewPhase[] = ["GROUP", "ACTION_PLANNING"];

/** The same as `review:view` (lib/policies/reviews.ts), for a published review. */
function mayViewPublished(a: Actor, r: ReviewFacts): boolean {
  if (admin(a) || r.myRole !== null) return true;
  if (r.visibility === "ORGANISATION") return true;
  if (r.visibility === "TEAM") return r.teamId in a.teams;
  return false;
}

export const libraryRules = {
  /** Read the report (and download it): published per the visibility; a preview for participants before. */
  "review:read-report": (a: Actor, r: ReviewFacts) => {
    if (r.phase === "PUBLISHED") return mayViewPublished(a, r);
    return PREVIEW.includes(r.phase) && (admin(a) || r.myRole !== null);
  },
  /** Write the summary, impact, tags and audience; confirm the sensitive-content check. */
  "review:edit-report": (a: Actor, r: ReviewFacts) => (r.phase === "ACTION_PLANNING" || r.phase === "PUBLISHED") && runs(a, r),
  /** Publish: the facilitator or an admin, from action planning (the checklist decides the rest). */
  "review:publish": (a: Actor, r: ReviewFacts) => r.phase === "ACTION_PLANNING" && runs(a, r),
  /** Search the library: everyone signed in (results are scoped per review). */
  "library:search": (_a: Actor, _subject: null) => true,
};

/** What the report and publish pages may offer this actor. */
export function reportAbilities(actor: Actor, review: ReviewFacts) {
  return {
    read: libraryRules["review:read-report"](actor, review),
    edit: libraryRules["review:edit-report"](actor, review),
    publish: libraryRules["review:publish"](actor, review),
  };
}

export type ReportAbilities = ReturnType<typeof reportAbilities>;
