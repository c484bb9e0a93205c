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
  "backlog.connected": "Tracker connected",
  "backlog.connection_updated": "Tracker settings changed",
  "backlog.disconnected": "Tracker disconnected",
  "backlog.inbound_secret_rotated": "Tracker webhook secret replaced",
  "backlog.push_requested": "Action pushed to a tracker",
  "team.chat_webhook_changed": "Team chat webhook changed",
  "account.submitted": "Account submitted",
  "account.reopened": "Account reopened",
  "account.late_addition": "Late addition to an account",
  "review.accounts_configured": "Account settings changed",
  "review.responders_reminded": "Responders reminded",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "subscription.created": "Started following",
  "subscription.deleted": "Stopped following",
  "feed_token.created": "Feed link created",
  "feed_token.revoked": "Feed link revoked",
  "follow.digest_sent": "Digest of followed reviews sent",
  "follow.team_chat_posted": "New reviews posted to a team’s chat",
  "action.reminded": "Action reminder sent",
  "backlog.weekly_digest_sent": "Weekly action digest sent",
  "organisation.exported": "Organisation exported",
  "organisation.imported": "Organisation imported",
  "timeline.entry_added": "Shared timeline entry added",
  "timeline.entry_updated": "Shared timeline entry edited",
  "timeline.entry_deleted": "Shared timeline entry deleted",
  "timeline.entries_merged": "Shared timeline entries merged",
  "finding.created": "Finding added",
  "finding.updated": "Finding edited",
  "finding.deleted": "Finding deleted",
  "session.step_changed": "Session agenda step changed",
  "session.timer_changed": "Session timer set or cleared",
  "session.item_added": "Session question or parking-lot topic added",
  "session.item_updated": "Session question or parking-lot topic changed",
  "session.item_deleted": "Session question or parking-lot topic deleted",
  "comment.added": "Comment added",
  "comment.deleted": "Comment deleted",
  "review.report_updated": "Report summary, impact, tags or audience changed",
  "action.created": "Action planned",
  "action.updated": "Action edited",
  "action.status_changed": "Action status changed",
  "action.agreed": "Action agreed",
  "action.agreement_withdrawn": "Action agreement withdrawn",
  "action.moved": "Action moved in a backlog",
  "action.deleted": "Action deleted",
  "finding.no_action_recorded": "Finding marked “no action needed”",
  "finding.no_action_cleared": "“No action needed” withdrawn for a finding",
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

const CATEGORY_WORDS: Record<string, string> = {
  CONTRIBUTING_TECHNICAL: "technical contributing factor",
  CONTRIBUTING_HUMAN: "human & organisational contributing factor",
  KNOWLEDGE_GAP: "knowledge gap",
  OPERATIONAL_SURPRISE: "operational surprise",
  WENT_WELL: "what went well",
};
const STATUS_WORDS: Record<string, string> = { OPEN: "open", IN_PROGRESS: "in progress", DONE: "done", WONT_DO: "won’t do" };
const category = (c: unknown) => (CATEGORY_WORDS[String(c)] ? ` (${CATEGORY_WORDS[String(c)]})` : "");
const itemKind = (k: unknown) => (k === "QUESTION" ? "a prepared question" : k === "PARKING_LOT" ? "a parking-lot topic" : "an item");
const target = (t: unknown) => (t === "FINDING" ? "a finding" : "a shared timeline entry");
const listed = (fields: unknown) => (Array.isArray(fields) && fields.length ? [` (${(fields as string[]).join(", ")})`] : []);
const TRACKER_NAMES: Record<string, string> = { github: "GitHub Issues", jira: "Jira", linear: "Linear", webhook: "a webhook" };
const trackerName = (p: unknown) => TRACKER_NAMES[String(p)] ?? "a tracker";

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
      return ["started ", find.review(e.reviewId ?? e.subjectId)];
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
    case "backlog.connected":
      return [`connected ${trackerName(d.provider)} to `, find.team(str("teamId"))];
    case "backlog.connection_updated":
      return [`changed the ${trackerName(d.provider)} connection of `, find.team(str("teamId")), ...listed(d.fields)];
    case "backlog.disconnected":
      return [`disconnected ${trackerName(d.provider)} from `, find.team(str("teamId"))];
    case "backlog.inbound_secret_rotated":
      return ["replaced the tracker webhook secret of ", find.team(str("teamId"))];
    case "backlog.push_requested":
      return [d.retry ? "retried pushing an action of " : "pushed an action of ", find.review(e.reviewId), ` to ${trackerName(d.provider)}`];
    case "team.chat_webhook_changed":
      return [d.configured ? "set the chat webhook of " : "removed the chat webhook of ", find.team(e.subjectId)];
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
    case "timeline.entry_added":
      return [str("via") === "promoted" ? "promoted a personal entry into the shared timeline of " : "added an entry to the shared timeline of ", find.review(e.reviewId)];
    case "timeline.entry_updated":
      return ["edited an entry of the shared timeline of ", find.review(e.reviewId), ...listed(d.fields)];
    case "timeline.entry_deleted":
      return ["deleted an entry of the shared timeline of ", find.review(e.reviewId)];
    case "timeline.entries_merged": {
      const n = Array.isArray(d.mergedEntryIds) ? d.mergedEntryIds.length + 1 : 2;
      return [`merged ${n} shared timeline entries of `, find.review(e.reviewId)];
    }
    case "finding.created":
      return [`added a finding${category(d.category)} to `, find.review(e.reviewId)];
    case "finding.updated":
      return ["edited a finding of ", find.review(e.reviewId), ...listed(d.fields)];
    case "finding.deleted":
      return [`deleted a finding${category(d.category)} of `, find.review(e.reviewId)];
    case "session.step_changed":
      return [`moved the session of `, find.review(e.reviewId ?? e.subjectId), str("to") ? ` to the agenda step “${str("to")}”` : " off the agenda"];
    case "session.timer_changed":
      return [str("endsAt") ? "started the session timer of " : "cleared the session timer of ", find.review(e.reviewId ?? e.subjectId)];
    case "session.item_added":
      return [`added ${itemKind(d.kind)} to the session of `, find.review(e.reviewId)];
    case "session.item_updated":
      return [`changed ${itemKind(d.kind)} in the session of `, find.review(e.reviewId)];
    case "session.item_deleted":
      return [`deleted ${itemKind(d.kind)} from the session of `, find.review(e.reviewId)];
    case "comment.added": {
      const n = Array.isArray(d.mentionedUserIds) ? d.mentionedUserIds.length : 0;
      return [`commented on ${target(d.targetType)} in `, find.review(e.reviewId), ...(n ? [`, mentioning ${n === 1 ? "1 person" : `${n} people`}`] : [])];
    }
    case "comment.deleted":
      return [`deleted a comment on ${target(d.targetType)} in `, find.review(e.reviewId)];
    case "action.created":
      return ["planned an action for ", find.team(str("teamId")), " in ", find.review(e.reviewId)];
    case "action.updated":
      return ["edited an action of ", find.review(e.reviewId), ...listed(d.fields)];
    case "action.status_changed":
      return [`changed an action of `, find.review(e.reviewId), ` from ${STATUS_WORDS[str("from") ?? ""] ?? "?"} to ${STATUS_WORDS[str("to") ?? ""] ?? "?"}`];
    case "action.agreed":
      return [str("via") === "agree-all" ? "agreed all proposed actions of " : "agreed an action of ", find.review(e.reviewId)];
    case "action.agreement_withdrawn":
      return ["withdrew the agreement on an action of ", find.review(e.reviewId)];
    case "action.moved":
      return ["re-ranked an action in the backlog of ", find.team(str("teamId"))];
    case "action.deleted":
      return [`deleted the action “${str("title") ?? "untitled"}” of `, find.review(e.reviewId)];
    case "finding.no_action_recorded":
      return ["recorded that a finding of ", find.review(e.reviewId), " needs no action"];
    case "finding.no_action_cleared":
      return [str("via") === "action" ? "planned an action for a finding marked “no action needed” in " : "withdrew “no action needed” for a finding of ", find.review(e.reviewId)];
    case "review.report_updated":
      return [d.published ? "changed the published report of " : "prepared the report of ", find.review(e.reviewId), ...listed(d.fields)];
    case "subscription.created":
    case "subscription.deleted": {
      const what = d.kind === "TEAM" ? find.team(str("value")) : { label: `${d.kind === "TAG" ? "the tag" : "the service"} “${str("value") ?? "?"}”` };
      return [e.type === "subscription.created" ? "started following " : "stopped following ", what];
    }
    case "feed_token.created":
      return [d.replaced ? "replaced their feed link (the old one stopped working)" : "created a feed link for their Atom feeds"];
    case "feed_token.revoked":
      return ["revoked their feed link"];
    case "follow.digest_sent": {
      const n = Array.isArray(d.reviewIds) ? d.reviewIds.length : 0;
      return ["sent ", find.user(e.subjectId), ` a digest of ${n === 1 ? "1 newly published review" : `${n} newly published reviews`}`];
    }
    case "follow.team_chat_posted": {
      const n = Array.isArray(d.reviewIds) ? d.reviewIds.length : 0;
      return [`posted ${n === 1 ? "1 newly published review" : `${n} newly published reviews`} to the chat of `, find.team(e.subjectId)];
    }
    case "action.reminded":
      return [`sent a reminder (${str("threshold") === "overdue" ? "overdue" : "due soon"}) for an action of `, find.review(e.reviewId)];
    case "backlog.weekly_digest_sent":
      return ["sent the weekly action digest of ", find.team(e.subjectId), " to its product managers"];
    case "organisation.exported":
      return ["exported the whole organisation"];
    case "organisation.imported":
      return [`imported an organisation export from ${str("exportedAt")?.slice(0, 10) ?? "another install"}`];
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
