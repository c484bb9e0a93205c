/** How an action is shown by the API and pages, and the checks its inputs share. */
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import type { ActionAbilities } from "../policies";
import type { ReviewPhase } from "../policies/types";
import { unknownIds } from "../timeline/shared-entries";
import { dueDateText, isOverdue, type ActionKindName, type ActionPriorityName, type ActionStatusName, type SyncStateName } from "./action-fields";
import { titleHints } from "./title-hints";

type ActionRow = {
  id: string;
  reviewId: string;
  title: string;
  description: unknown;
  descriptionText: string;
  priority: ActionPriorityName;
  kind: ActionKindName;
  status: ActionStatusName;
  dueDate: Date | null;
  rank: string;
  agreedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  syncState: SyncStateName;
  syncError: string | null;
  lastSyncedAt: Date | null;
  externalProvider: string | null;
  externalKey: string | null;
  externalUrl: string | null;
  team: { id: string; name: string; slug: string };
  assignee: { id: string; name: string | null; email: string } | null;
  findings: { findingId: string }[];
  review: { id: string; title: string; phase: ReviewPhase };
};

/** The tracker side of an action: where it stands, its issue, the last error. */
export function syncView(a: Pick<ActionRow, "syncState" | "syncError" | "lastSyncedAt" | "externalProvider" | "externalKey" | "externalUrl">) {
  return {
    state: a.syncState,
    error: a.syncError,
    lastSyncedAt: a.lastSyncedAt,
    provider: a.externalProvider,
    externalKey: a.externalKey,
    externalUrl: a.externalUrl,
  };
}

export function toActionView(a: ActionRow, abilities: ActionAbilities, now = new Date()) {
  return {
    id: a.id,
    reviewId: a.reviewId,
    review: { id: a.review.id, title: a.review.title, phase: a.review.phase },
    title: a.title,
    description: a.description,
    descriptionText: a.descriptionText,
    team: a.team,
    assignee: a.assignee,
    priority: a.priority,
    kind: a.kind,
    status: a.status,
    dueDate: dueDateText(a.dueDate),
    overdue: isOverdue(a, now),
    rank: a.rank,
    agreed: a.agreedAt !== null,
    agreedAt: a.agreedAt,
    closedAt: a.closedAt,
    findingIds: a.findings.map((f) => f.findingId),
    sync: syncView(a),
    hints: titleHints(a.title),
    abilities,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export type ActionView = ReturnType<typeof toActionView>;

/** Throws VALIDATION_FAILED on `teamId` unless the team exists. */
export async function assertTeam(teamId: string, tx?: Tx): Promise<void> {
  const team = await (tx ?? db()).team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) throw new AppError("VALIDATION_FAILED", "Unknown team.", { fields: { teamId: ["Choose one of the organisation's teams."] } });
}

/** Throws VALIDATION_FAILED on `assigneeId` unless it is an active user. */
export async function assertAssignee(userId: string | null | undefined, tx?: Tx): Promise<void> {
  if (!userId) return;
  const user = await (tx ?? db()).user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
  if (!user || user.deactivatedAt) throw new AppError("VALIDATION_FAILED", "Unknown person.", { fields: { assigneeId: ["Choose an active member of the organisation."] } });
}

/** Throws VALIDATION_FAILED (naming `field`) unless every id is a finding of the review; returns them without duplicates. */
export async function assertFindings(reviewId: string, ids: string[] | undefined, field: string, tx?: Tx): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (!unique.length) return unique;
  const found = await (tx ?? db()).finding.findMany({ where: { id: { in: unique }, reviewId }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw unknownIds(field, missing, "findings");
  return unique;
}
