/** The facts policies decide on. Pure data: no Prisma, no I/O. */
export type GlobalRole = "ADMIN" | "MEMBER";
export type TeamRole = "MEMBER" | "PRODUCT_MANAGER";
export type ParticipantRole = "FACILITATOR" | "RESPONDER" | "OBSERVER";
export type ReviewPhase = "PREPARING" | "INDEPENDENT" | "GROUP" | "ACTION_PLANNING" | "PUBLISHED";
export type ReviewVisibility = "PARTICIPANTS" | "TEAM" | "ORGANISATION";

/** Who is acting: a signed-in user (through the web or an API token). */
export type Actor = {
  id: string;
  email: string;
  name: string | null;
  role: GlobalRole;
  /** teamId → the actor's role in that team. */
  teams: Record<string, TeamRole>;
  /** The timezone chosen in settings, if any (otherwise the browser's is used). */
  timezone?: string | null;
};

/** A review as policies see it, from the point of view of one actor. */
export type ReviewFacts = {
  phase: ReviewPhase;
  teamId: string;
  visibility: ReviewVisibility;
  /** The actor's role in this review, or null when not a participant. */
  myRole: ParticipantRole | null;
};

export type IncidentFacts = {
  teamId: string;
  createdById: string | null;
  /** True when the actor takes part in any review of this incident. */
  participatesInAReview: boolean;
  /** True when any review of this incident is published to the whole organisation. */
  publishedToOrganisation: boolean;
};

export type TeamFacts = { id: string };
