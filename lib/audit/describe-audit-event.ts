/**
 * Audit events in plain words, for the admin audit log. Pure: the caller looks up the names of
 * the people, teams, reviews and incidents an event refers to and passes them in.
 */
import type { AuditEventType } from "./events";
import { PHASE_LABEL } from "../reviews/lifecycle";
import type { ReviewPhase } from "../policies/types";

/**
 * What each event type is called in the filter. Keyed by string, not AuditEventType, so the log
 * keeps working (with `auditEventLabel`'s fallback) for a type added before its label.
 */
export const AUDIT_EVENT_LABEL: Record<string, string> = {
  "incident.created": "Incident recorded",
  "incident.updated": "Incident edited",
  "review.created": "Review started",
  "review.phase_changed": "Review moved to a new phase",
  "review.participant_added": "Review participant added",
  "review.participant_removed": "Review participant removed",
  "team.created": "Team created",
  "team.updated": "Team edited",
  "team.member_added": "Team member added",
  "team.member_role_changed": "Team role changed",
  "team.member_removed": "Team member removed",
  "user.invited": "Person invited",
  "user.invitation_revoked": "Invitation revoked",
  "user.joined": "Person joined",
  "user.role_changed": "Global role changed",
  "user.deactivated": "Person deactivated",
  "user.reactivated": "Person reactivated",
  "user.profile_updated": "Profile updated",
  "account.submitted": "Account submitted",
  "account.reopened": "Account reopened",
  "account.late_addition": "Late addition to an account",
  "review.accounts_configured": "Account settings changed",
  "review.responders_reminded": "Responders reminded",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
};

/** The filter label of an event type ("Team created"), or its words when it has none yet. */
export function auditEventLabel(type: string): string {
  return AUDIT_EVENT_LABEL[type] ?? type.replace(/[._]/g, " ");
}

/** A link (or plain name when there is nothing to link to) inside a sentence. */
export type AuditRef = { label: string; href?: string };
/** A sentence after the actor's name: text and references, in order. */
export type AuditSentence = (string | AuditRef)[];

export type AuditEventFacts = {
  type: string;
  subjectType: string;
  subjectId: string;
  reviewId: string | null;
  data: unknown;
};

export type AuditLookups = {
  user: (id: string | undefined) => AuditRef;
  team: (id: string | undefined) => AuditRef;
  review: (id: string | null | undefined) => AuditRef;
  incident: (id: string | undefined) => AuditRef;
};

const ROLE_WORD: Record<string, string> = {
  ADMIN: "admin",
  MEMBER: "member",
  PRODUCT_MANAGER: "product manager",
  FACILITATOR: "facilitator",
  RESPONDER: "responder",
  OBSERVER: "observer",
};
const role = (r: unknown) => ROLE_WORD[String(r)] ?? String(r ?? "").toLowerCase();

const VIA: Record<string, string> = {
  invitation: "through an invitation",
  setup: "by setting Debrief up",
  environment: "as the configured admin",
  sso: "through single sign-on",
  demo: "with the demo organisation",
};

/** The sentence for one event; the page puts the actor's name in front of it. */
export function describeAuditEvent(e: AuditEventFacts, find: AuditLookups): AuditSentence {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : undefined);
  switch (e.type as AuditEventType | (string & {})) {
    case "incident.created":
      return ["recorded the incident ", find.incident(e.subjectId)];
    case "incident.updated": {
      const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
      return ["edited the incident ", find.incident(e.subjectId), ...(fields.length ? [` (${fields.join(", ")})`] : [])];
    }
    case "review.created":
      return ["started the review ", find.review(e.reviewId ?? e.subjectId)];
    case "review.phase_changed":
      return ["moved ", find.review(e.reviewId ?? e.subjectId), ` to ${PHASE_LABEL[str("to") as ReviewPhase] ?? str("to") ?? "a new phase"}`];
    case "review.participant_added":
      return ["added ", find.user(str("userId")), ` to `, find.review(e.reviewId), ` as ${role(d.role)}`];
    case "review.participant_removed":
      return ["removed ", find.user(str("userId")), ` (${role(d.role)}) from `, find.review(e.reviewId)];
    case "team.created":
      return ["created the team ", find.team(e.subjectId)];
    case "team.updated":
      return ["edited the team ", find.team(e.subjectId)];
    case "team.member_added":
      return ["added ", find.user(str("userId")), " to ", find.team(str("teamId")), ` as ${role(d.role)}`];
    case "team.member_role_changed":
      return ["made ", find.user(str("userId")), ` ${role(d.role)} of `, find.team(str("teamId"))];
    case "team.member_removed":
      return ["removed ", find.user(str("userId")), " from ", find.team(str("teamId"))];
    case "user.invited":
      return ["invited ", { label: str("email") ?? "someone" }, ` as ${role(d.role)}`];
    case "user.invitation_revoked":
      return ["revoked the invitation for ", { label: str("email") ?? "someone" }];
    case "user.joined":
      return [`joined Debrief ${VIA[str("via") ?? ""] ?? ""}`.trimEnd()];
    case "user.role_changed":
      return ["made ", find.user(e.subjectId), ` ${role(d.to) === "admin" ? "an admin" : "a member"} (was ${role(d.from)})`];
    case "user.deactivated":
      return ["deactivated ", find.user(e.subjectId)];
    case "user.reactivated":
      return ["reactivated ", find.user(e.subjectId)];
    case "user.profile_updated": {
      const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
      return [`updated their profile${fields.length ? ` (${fields.join(", ")})` : ""}`];
    }
    case "account.submitted":
      return ["submitted their account for ", find.review(e.reviewId)];
    case "account.reopened":
      return ["reopened an account for ", find.review(e.reviewId)];
    case "account.late_addition":
      return ["added a late addition to their account for ", find.review(e.reviewId)];
    case "review.accounts_configured": {
      const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
      return ["changed the account settings of ", find.review(e.reviewId ?? e.subjectId), ...(fields.length ? [` (${fields.join(", ")})`] : [])];
    }
    case "review.responders_reminded": {
      const n = Array.isArray(d.userIds) ? d.userIds.length : 0;
      return [`reminded ${n === 1 ? "1 responder" : `${n} responders`} to write their account for `, find.review(e.reviewId ?? e.subjectId)];
    }
    case "api_token.created":
      return ["created the API token ", { label: `“${str("name") ?? "unnamed"}”` }];
    case "api_token.revoked":
      return ["revoked the API token ", { label: `“${str("name") ?? "unnamed"}”` }];
    default:
      return [e.type.replace(/[._]/g, " ")];
  }
}

/** The sentence as plain text (for tests, titles and exports). */
export function sentenceText(sentence: AuditSentence): string {
  return sentence.map((p) => (typeof p === "string" ? p : p.label)).join("");
}
