/**
 * Following, reading records, the Insights dashboard and the organisation export.
 *
 * - Everyone follows teams, services and tags for themselves; a digest and the feeds carry only
 *   reviews the follower may see (`review:view`, applied in SQL).
 * - Reading is recorded for published reviews. How many people read a review is shown to anyone
 *   who may see the review; who read it (names and times) to admins only.
 * - Insights are everyone's. Every figure aggregates what the viewer may see: reviews by
 *   `review:view`, actions by `action:view` (lib/insights/scope-sql.ts). Admins see everything; a
 *   team's members see all of their team's actions and team-visible reviews; the organisation
 *   view of a member is the organisation as they may see it — counts never reveal more than the
 *   viewer could open (docs/decisions/0008-export-format.md, "Insights").
 * - The whole-organisation export and its import into an empty install: admins only.
 */
import type { Actor, ReviewFacts } from "./types";

const admin = (a: Actor) => a.role === "ADMIN";

export const insightRules = {
  /** Follow teams, services and tags; manage one's own feed link. */
  "follow:manage-own": (_a: Actor, _subject: null) => true,
  /** How many people read a published review (a count, no names). */
  "review:read-count": (_a: Actor, r: ReviewFacts) => r.phase === "PUBLISHED",
  /** Who read a review and when. */
  "review:see-readers": (a: Actor, r: ReviewFacts) => r.phase === "PUBLISHED" && admin(a),
  /** The Insights dashboard and the metrics API (figures scoped to what the viewer may see). */
  "insights:view": (_a: Actor, _subject: null) => true,
  /** Export the whole organisation as JSON. */
  "organisation:export": (a: Actor, _subject: null) => admin(a),
  /** Import an export into an empty install. */
  "organisation:import": (a: Actor, _subject: null) => admin(a),
};
