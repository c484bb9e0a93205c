import { isOverdue, KIND_LABEL, PRIORITY_LABEL, STATUS_LABEL } from "../action-items/action-fields";
import { narrativeDocumentName } from "../collaboration/document-name";
import { db } from "../db/client";
import type { DocNode } from "../editor/doc";
import { AppError } from "../errors";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL } from "../findings/categories";
import { can, reportAbilities } from "../policies";
import type { Actor, ParticipantRole } from "../policies/types";
import { byLetter } from "../reviews/anonymous-letters";
import { loadVisibleReview } from "../reviews/load-review";
import { KEY_MOMENT_LABEL } from "../timeline/shared-entries";

/** Said at the end of every report: how it was written, and how to read it. */
export const BLAMELESS_STATEMENT =
  "This review looks at how our systems, tools and ways of working shaped what happened — at conditions, not at individuals. " +
  "Everyone involved acted in good faith, making the best decisions they could with what they knew at the time. " +
  "Its purpose is learning: the findings and actions are about making the next incident less likely and smaller, for everyone.";

const ROLE_ORDER: Record<ParticipantRole, number> = { FACILITATOR: 0, RESPONDER: 1, OBSERVER: 2 };

/** Who took part, as the report names them: responders as "Responder A, B…" when the review anonymises accounts. */
function participantsOf(
  participants: { role: ParticipantRole; anonymousLabel: string | null; createdAt: Date; user: { name: string | null; email: string } }[],
  anonymised: boolean,
) {
  return [...participants]
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        // Anonymised responders in letter order: "Responder A, B, C", not the order they joined in.
        (anonymised && a.role === "RESPONDER" ? byLetter(a.anonymousLabel ?? "?", b.anonymousLabel ?? "?") : 0) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .map((p) => ({
      role: p.role,
      name: anonymised && p.role !== "FACILITATOR" ? (p.role === "RESPONDER" ? `Responder ${p.anonymousLabel ?? "?"}` : "Observer") : (p.user.name ?? p.user.email),
    }));
}

/**
 * A review's report: summary and impact, incident facts, the shared timeline with its key moments,
 * the narrative, findings by category, actions with their live status, participants (anonymised
 * when the review anonymises accounts — for every reader, since reports are printed and shared),
 * and the blameless statement. Never account content. Readable per `review:read-report`: whoever
 * may see a published review; a preview for participants and admins before publication.
 * `publishedOnly` (the library) answers 404 for a review that is not published.
 */
export async function getReport(actor: Actor, reviewId: string, options: { publishedOnly?: boolean } = {}) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  if (options.publishedOnly && review.phase !== "PUBLISHED") throw AppError.notFound("Published review");
  if (!can(actor, "review:read-report", facts)) {
    const knows = actor.role === "ADMIN" || facts.myRole !== null;
    if (knows) throw new AppError("CONFLICT", "The report can be read once the group session has started, and by everyone in its audience once it is published.");
    throw AppError.notFound("Report");
  }
  const [narrative, timeline, findings, actions] = await Promise.all([
    db().collabDocument.findUnique({ where: { name: narrativeDocumentName(reviewId) }, select: { json: true, text: true } }),
    db().timelineEntry.findMany({
      where: { reviewId, accountId: null },
      orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, occurredAt: true, timezone: true, kind: true, description: true, keyMoment: true, evidenceUrl: true },
    }),
    db().finding.findMany({
      where: { reviewId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, category: true, title: true, description: true, noActionReason: true, actions: { select: { actionId: true } } },
    }),
    db().actionItem.findMany({
      where: { reviewId },
      orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        priority: true,
        kind: true,
        dueDate: true,
        closedAt: true,
        agreedAt: true,
        externalKey: true,
        externalUrl: true,
        team: { select: { id: true, name: true, slug: true } },
        findings: { select: { findingId: true } },
      },
    }),
  ]);
  const now = new Date();
  const incident = review.incident;
  return {
    id: review.id,
    title: review.title,
    phase: review.phase,
    published: review.phase === "PUBLISHED",
    publishedAt: review.publishedAt,
    visibility: review.visibility,
    summary: review.summary,
    impact: review.impact,
    tags: review.tags,
    sensitiveReviewedAt: review.sensitiveReviewedAt,
    incident: {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      startedAt: incident.startedAt,
      detectedAt: incident.detectedAt,
      resolvedAt: incident.resolvedAt,
      services: incident.services,
      externalUrl: incident.externalUrl,
      team: incident.team,
    },
    keyMoments: timeline
      .filter((e) => e.keyMoment)
      .map((e) => ({ entryId: e.id, moment: e.keyMoment!, label: KEY_MOMENT_LABEL[e.keyMoment!], occurredAt: e.occurredAt, description: e.description })),
    timeline,
    narrative: (narrative?.json as DocNode | null | undefined) ?? null,
    narrativeText: narrative?.text ?? "",
    findings: FINDING_CATEGORIES.map((category) => ({
      category,
      label: FINDING_CATEGORY_LABEL[category],
      findings: findings
        .filter((f) => f.category === category)
        .map((f) => ({ id: f.id, title: f.title, description: f.description, noActionReason: f.noActionReason, actionIds: f.actions.map((a) => a.actionId) })),
    })).filter((c) => c.findings.length > 0),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      statusLabel: STATUS_LABEL[a.status],
      priority: a.priority,
      priorityLabel: PRIORITY_LABEL[a.priority],
      kind: a.kind,
      kindLabel: KIND_LABEL[a.kind],
      dueDate: a.dueDate ? a.dueDate.toISOString().slice(0, 10) : null,
      overdue: isOverdue(a, now),
      closedAt: a.closedAt,
      agreed: a.agreedAt !== null,
      team: a.team,
      tracker: a.externalUrl ? { key: a.externalKey, url: a.externalUrl } : null,
      findingIds: a.findings.map((f) => f.findingId),
    })),
    anonymised: review.anonymiseAccounts,
    participants: participantsOf(review.participants, review.anonymiseAccounts),
    blamelessStatement: BLAMELESS_STATEMENT,
    abilities: reportAbilities(actor, facts),
  };
}

export type ReportView = Awaited<ReturnType<typeof getReport>>;
