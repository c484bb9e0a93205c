/**
 * Typed audit events. Each type names its subject and the shape of its data; `recordAuditEvent`
 * writes one in the caller's transaction so the change and its record commit together.
 */
import type { Tx } from "../db/client";
import type { GlobalRole, ParticipantRole, ReviewPhase, TeamRole } from "../policies/types";

export type AuditEventMap = {
  "incident.created": { subject: "Incident"; data: { title: string; teamId: string } };
  "incident.updated": { subject: "Incident"; data: { fields: string[] } };
  "review.created": { subject: "Review"; data: { incidentId: string; title: string; facilitatorId: string } };
  "review.phase_changed": { subject: "Review"; data: { from: ReviewPhase; to: ReviewPhase } };
  "review.participant_added": { subject: "ReviewParticipant"; data: { userId: string; role: ParticipantRole } };
  "review.participant_removed": { subject: "ReviewParticipant"; data: { userId: string; role: ParticipantRole } };
  "team.created": { subject: "Team"; data: { name: string; slug: string } };
  "team.updated": { subject: "Team"; data: { name: string } };
  "team.member_added": { subject: "TeamMembership"; data: { teamId: string; userId: string; role: TeamRole } };
  "team.member_role_changed": { subject: "TeamMembership"; data: { teamId: string; userId: string; role: TeamRole } };
  "team.member_removed": { subject: "TeamMembership"; data: { teamId: string; userId: string } };
  "user.invited": { subject: "Invitation"; data: { email: string; role: GlobalRole } };
  "user.invitation_revoked": { subject: "Invitation"; data: { email: string } };
  "user.joined": { subject: "User"; data: { email: string; via: "invitation" | "setup" | "environment" | "sso" | "demo" } };
  "user.role_changed": { subject: "User"; data: { from: GlobalRole; to: GlobalRole } };
  "user.deactivated": { subject: "User"; data: Record<string, never> };
  "user.reactivated": { subject: "User"; data: Record<string, never> };
  "user.profile_updated": { subject: "User"; data: { fields: ("name" | "timezone")[] } };
  "backlog.connected": { subject: "BacklogConnection"; data: { teamId: string; provider: string } };
  "backlog.connection_updated": { subject: "BacklogConnection"; data: { teamId: string; provider: string; fields: string[] } };
  "backlog.disconnected": { subject: "BacklogConnection"; data: { teamId: string; provider: string } };
  "backlog.inbound_secret_rotated": { subject: "BacklogConnection"; data: { teamId: string } };
  "backlog.push_requested": { subject: "ActionItem"; data: { teamId: string; provider: string; retry: boolean } };
  "team.chat_webhook_changed": { subject: "Team"; data: { configured: boolean } };
  "account.submitted": { subject: "ResponderAccount"; data: Record<string, never> };
  "account.reopened": { subject: "ResponderAccount"; data: Record<string, never> };
  "account.late_addition": { subject: "ResponderAccount"; data: Record<string, never> };
  "review.accounts_configured": { subject: "Review"; data: { fields: string[] } };
  "review.responders_reminded": { subject: "Review"; data: { userIds: string[]; automatic: boolean } };
  "api_token.created": { subject: "ApiToken"; data: { name: string } };
  "api_token.revoked": { subject: "ApiToken"; data: { name: string } };
  "subscription.created": { subject: "Subscription"; data: { kind: "TEAM" | "SERVICE" | "TAG"; value: string } };
  "subscription.deleted": { subject: "Subscription"; data: { kind: "TEAM" | "SERVICE" | "TAG"; value: string } };
  "feed_token.created": { subject: "FeedToken"; data: { replaced: boolean } };
  "feed_token.revoked": { subject: "FeedToken"; data: Record<string, never> };
  "follow.digest_sent": { subject: "User"; data: { reviewIds: string[]; email: boolean } };
  "follow.team_chat_posted": { subject: "Team"; data: { reviewIds: string[] } };
  "action.reminded": { subject: "ActionItem"; data: { threshold: string; userIds: string[] } };
  "backlog.weekly_digest_sent": { subject: "Team"; data: { userIds: string[]; added: number; overdue: number; done: number } };
  "organisation.exported": { subject: "Organisation"; data: { formatVersion: number } };
  "organisation.imported": { subject: "Organisation"; data: { formatVersion: number; exportedAt: string; rows: number } };
  "timeline.entry_added": { subject: "TimelineEntry"; data: { via: "new" | "promoted"; sourceEntryIds: string[] } };
  "timeline.entry_updated": { subject: "TimelineEntry"; data: { fields: string[] } };
  "timeline.entry_deleted": { subject: "TimelineEntry"; data: Record<string, never> };
  "timeline.entries_merged": { subject: "TimelineEntry"; data: { mergedEntryIds: string[] } };
  "finding.created": { subject: "Finding"; data: { category: string } };
  "finding.updated": { subject: "Finding"; data: { fields: string[] } };
  "finding.deleted": { subject: "Finding"; data: { category: string } };
  "session.step_changed": { subject: "Review"; data: { from: string | null; to: string | null } };
  "session.timer_changed": { subject: "Review"; data: { endsAt: string | null } };
  "session.item_added": { subject: "SessionItem"; data: { kind: "QUESTION" | "PARKING_LOT" } };
  "session.item_updated": { subject: "SessionItem"; data: { kind: "QUESTION" | "PARKING_LOT"; fields: string[] } };
  "session.item_deleted": { subject: "SessionItem"; data: { kind: "QUESTION" | "PARKING_LOT" } };
  "comment.added": { subject: "Comment"; data: { targetType: "TIMELINE_ENTRY" | "FINDING"; targetId: string; mentionedUserIds: string[] } };
  "comment.deleted": { subject: "Comment"; data: { targetType: "TIMELINE_ENTRY" | "FINDING"; targetId: string } };
  "review.report_updated": { subject: "Review"; data: { fields: string[]; published: boolean } };
  "action.created": { subject: "ActionItem"; data: { teamId: string; findingIds: string[] } };
  "action.updated": { subject: "ActionItem"; data: { fields: string[] } };
  "action.status_changed": { subject: "ActionItem"; data: { from: string; to: string } };
  "action.agreed": { subject: "ActionItem"; data: { via: "action" | "agree-all" } };
  "action.agreement_withdrawn": { subject: "ActionItem"; data: Record<string, never> };
  "action.moved": { subject: "ActionItem"; data: { teamId: string; rebalanced: boolean } };
  "action.deleted": { subject: "ActionItem"; data: { title: string; teamId: string } };
  "finding.no_action_recorded": { subject: "Finding"; data: Record<string, never> };
  "finding.no_action_cleared": { subject: "Finding"; data: { via: "decision" | "action" } };
};

export type AuditEventType = keyof AuditEventMap;

export type AuditEventInput<T extends AuditEventType> = {
  type: T;
  actorId: string | null;
  subjectId: string;
  reviewId?: string | null;
  data: AuditEventMap[T]["data"];
};

const SUBJECT: { [T in AuditEventType]: AuditEventMap[T]["subject"] } = {
  "incident.created": "Incident",
  "incident.updated": "Incident",
  "review.created": "Review",
  "review.phase_changed": "Review",
  "review.participant_added": "ReviewParticipant",
  "review.participant_removed": "ReviewParticipant",
  "team.created": "Team",
  "team.updated": "Team",
  "team.member_added": "TeamMembership",
  "team.member_role_changed": "TeamMembership",
  "team.member_removed": "TeamMembership",
  "user.invited": "Invitation",
  "user.invitation_revoked": "Invitation",
  "user.joined": "User",
  "user.role_changed": "User",
  "user.deactivated": "User",
  "user.reactivated": "User",
  "user.profile_updated": "User",
  "backlog.connected": "BacklogConnection",
  "backlog.connection_updated": "BacklogConnection",
  "backlog.disconnected": "BacklogConnection",
  "backlog.inbound_secret_rotated": "BacklogConnection",
  "backlog.push_requested": "ActionItem",
  "team.chat_webhook_changed": "Team",
  "account.submitted": "ResponderAccount",
  "account.reopened": "ResponderAccount",
  "account.late_addition": "ResponderAccount",
  "review.accounts_configured": "Review",
  "review.responders_reminded": "Review",
  "api_token.created": "ApiToken",
  "api_token.revoked": "ApiToken",
  "subscription.created": "Subscription",
  "subscription.deleted": "Subscription",
  "feed_token.created": "FeedToken",
  "feed_token.revoked": "FeedToken",
  "follow.digest_sent": "User",
  "follow.team_chat_posted": "Team",
  "action.reminded": "ActionItem",
  "backlog.weekly_digest_sent": "Team",
  "organisation.exported": "Organisation",
  "organisation.imported": "Organisation",
  "timeline.entry_added": "TimelineEntry",
  "timeline.entry_updated": "TimelineEntry",
  "timeline.entry_deleted": "TimelineEntry",
  "timeline.entries_merged": "TimelineEntry",
  "finding.created": "Finding",
  "finding.updated": "Finding",
  "finding.deleted": "Finding",
  "session.step_changed": "Review",
  "session.timer_changed": "Review",
  "session.item_added": "SessionItem",
  "session.item_updated": "SessionItem",
  "session.item_deleted": "SessionItem",
  "comment.added": "Comment",
  "comment.deleted": "Comment",
  "review.report_updated": "Review",
  "action.created": "ActionItem",
  "action.updated": "ActionItem",
  "action.status_changed": "ActionItem",
  "action.agreed": "ActionItem",
  "action.agreement_withdrawn": "ActionItem",
  "action.moved": "ActionItem",
  "action.deleted": "ActionItem",
  "finding.no_action_recorded": "Finding",
  "finding.no_action_cleared": "Finding",
};

/** Every event type, in the order above (for filters). */
export const AUDIT_EVENT_TYPES = Object.keys(SUBJECT) as AuditEventType[];

/** Writes one audit event inside `tx`. */
export async function recordAuditEvent<T extends AuditEventType>(tx: Tx, event: AuditEventInput<T>): Promise<void> {
  await tx.auditEvent.create({
    data: {
      type: event.type,
      actorId: event.actorId,
      reviewId: event.reviewId ?? null,
      subjectType: SUBJECT[event.type],
      subjectId: event.subjectId,
      data: event.data,
    },
  });
}
