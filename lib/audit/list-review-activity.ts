import { db } from "../db/client";
import { isAdmin } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { describeAuditEvent, sentenceText, type AuditRef } from "./describe-audit-event";

/**
 * A review's audit trail as readable sentences, newest first (never any account content), in the
 * admin audit log's words (describeAuditEvent) with this review called "this review". Events the
 * system wrote (reminders, digests) are Debrief's.
 *
 * When the review anonymises accounts, what a responder did with their own account (submitted,
 * reopened, a late addition) names them as "Responder A…" — the label the accounts and the shared
 * timeline use — to everyone but admins and the responder themself: a named "submitted their
 * account" next to "Responder A, submitted 10:32" would undo the anonymity.
 */
export async function listReviewActivity(actor: Actor, reviewId: string, limit = 20) {
  const { review } = await loadVisibleReview(actor, reviewId);
  const events = await db().auditEvent.findMany({
    where: { reviewId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { actor: { select: { name: true, email: true } } },
  });
  const data = (e: (typeof events)[number]) => (e.data ?? {}) as Record<string, unknown>;
  const idsOf = (key: string) => events.map((e) => data(e)[key]).filter((v): v is string => typeof v === "string");
  const userIds = [...new Set([...idsOf("userId"), ...events.filter((e) => e.subjectType === "User").map((e) => e.subjectId)])];
  const teamIds = [...new Set([...idsOf("teamId"), ...events.filter((e) => e.subjectType === "Team").map((e) => e.subjectId)])];
  const [users, teams] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    teamIds.length ? db().team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const find = {
    user: (id: string | undefined): AuditRef => ({ label: (id && userName.get(id)) || "someone" }),
    team: (id: string | undefined): AuditRef => ({ label: (id && teamName.get(id)) || "a team" }),
    review: (id: string | null | undefined): AuditRef => ({ label: id === reviewId ? "this review" : "another review" }),
    incident: (id: string | undefined): AuditRef => ({ label: id === review.incidentId ? `“${review.incident.title}”` : "an incident" }),
  };

  const hideResponders = review.anonymiseAccounts && !isAdmin(actor);
  const label = new Map(review.participants.filter((p) => p.role === "RESPONDER").map((p) => [p.userId, p.anonymousLabel]));
  const who = (e: (typeof events)[number]): string => {
    if (!e.actorId) return "Debrief";
    if (hideResponders && e.type.startsWith("account.") && e.actorId !== actor.id && label.has(e.actorId)) {
      const letter = label.get(e.actorId);
      return letter ? `Responder ${letter}` : "A responder";
    }
    return e.actor?.name ?? e.actor?.email ?? "Someone";
  };

  return events.map((e) => ({ id: e.id, type: e.type, text: `${who(e)} ${sentenceText(describeAuditEvent(e, find))}`, at: e.createdAt }));
}
