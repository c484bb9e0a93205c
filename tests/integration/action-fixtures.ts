/**
 * Actions to test against: the cast of buildCast (its team owns the incident and the actions),
 * an outsider who is assigned an action, two findings, and actions written straight into the
 * database with valid fractional-index ranks (the phase rules are the use cases' business).
 */
import { generateKeyBetween } from "fractional-indexing";
import { db } from "../../lib/db/client";
import type { DocNode } from "../../lib/editor/doc";
import type { ReviewPhase, ReviewVisibility } from "../../lib/policies/types";
import { actorFor, buildCast, buildFinding, buildUser, uid } from "../support/factories";

/** An action at the bottom of `teamId`'s backlog. */
export async function buildAction(opts: {
  reviewId: string;
  teamId: string;
  title?: string;
  assigneeId?: string | null;
  status?: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO";
  priority?: "HIGH" | "MEDIUM" | "LOW";
  dueDate?: Date | null;
  agreed?: boolean;
  findingIds?: string[];
  syncState?: "LOCAL" | "PENDING" | "SYNCED" | "FAILED";
}) {
  const last = await db().actionItem.findFirst({ where: { teamId: opts.teamId }, orderBy: { rank: "desc" }, select: { rank: true } });
  return db().actionItem.create({
    data: {
      reviewId: opts.reviewId,
      teamId: opts.teamId,
      title: opts.title ?? `Action ${uid()}`,
      description: { type: "doc", content: [{ type: "paragraph" }] },
      assigneeId: opts.assigneeId ?? null,
      status: opts.status ?? "OPEN",
      priority: opts.priority ?? "MEDIUM",
      dueDate: opts.dueDate ?? null,
      rank: generateKeyBetween(last?.rank ?? null, null),
      agreedAt: opts.agreed ? new Date() : null,
      syncState: opts.syncState ?? "LOCAL",
      externalId: opts.syncState === "SYNCED" ? `ext-${uid()}` : null,
      findings: { create: (opts.findingIds ?? []).map((findingId) => ({ findingId })) },
    },
  });
}

export async function buildActionCast(phase: ReviewPhase = "ACTION_PLANNING", visibility: ReviewVisibility = "ORGANISATION") {
  const cast = await buildCast(phase, visibility);
  const assignee = await buildUser();
  const findings = {
    technical: await buildFinding({ reviewId: cast.review.id, category: "CONTRIBUTING_TECHNICAL", title: "Pool did not reconnect" }),
    gap: await buildFinding({ reviewId: cast.review.id, category: "KNOWLEDGE_GAP", title: "Nobody knew the failover runbook" }),
    wentWell: await buildFinding({ reviewId: cast.review.id, category: "WENT_WELL", title: "Paging worked" }),
  };
  return { ...cast, reviewId: cast.review.id, teamId: cast.team.id, assignee, actors: { ...cast.actors, assignee: await actorFor(assignee.id) }, findings };
}

export type ActionCast = Awaited<ReturnType<typeof buildActionCast>>;

/** The audit events of a review, oldest first, as [type, data]. */
export async function auditTrail(reviewId: string) {
  return (await db().auditEvent.findMany({ where: { reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => [e.type, e.data]);
}

/** The team's backlog order as titles. */
export async function rankedTitles(teamId: string) {
  return (await db().actionItem.findMany({ where: { teamId }, orderBy: { rank: "asc" }, select: { title: true } })).map((a) => a.title);
}

export const doc = (text: string): DocNode => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
