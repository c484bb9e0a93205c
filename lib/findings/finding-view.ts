/** How findings are loaded and shown, shared by the findings use cases. */
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { findHints } from "../editor/blameless-hints";
import { AppError } from "../errors";
import { unknownIds } from "../timeline/shared-entries";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL, type FindingCategoryName } from "./categories";

export const findingCategorySchema = z
  .enum(FINDING_CATEGORIES, { error: `The category is one of ${FINDING_CATEGORIES.join(", ")}.` })
  .describe(FINDING_CATEGORIES.map((c) => `${c}: ${FINDING_CATEGORY_LABEL[c]}`).join("; "));
export const findingTitleSchema = z.string().trim().min(1, "Give the finding a short title.").max(200, "At most 200 characters.");
export const findingDescriptionSchema = z.string().trim().max(5000, "At most 5,000 characters.");
export const evidenceIdsSchema = z.array(z.string().trim().min(1).max(100)).max(50, "At most 50 entries.");

export const findingInclude = { evidence: { select: { timelineEntryId: true } } } as const;

type FindingRow = {
  id: string;
  category: FindingCategoryName;
  title: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  evidence: { timelineEntryId: string }[];
};

/** Blameless-language hints in a finding's title and description (they invite a second look, never block). */
function hintsOf(f: { title: string; description: string }) {
  return (["title", "description"] as const).flatMap((field) => findHints(f[field]).map((h) => ({ field, ...h })));
}

/** A finding as the API and pages show it. Who wrote it is in the audit log: findings are the group's. */
export function toFindingView(f: FindingRow, commentCount = 0) {
  return {
    id: f.id,
    category: f.category,
    title: f.title,
    description: f.description,
    evidenceEntryIds: f.evidence.map((e) => e.timelineEntryId),
    hints: hintsOf(f),
    commentCount,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}
export type FindingView = ReturnType<typeof toFindingView>;

/** A finding of this review, or 404. */
export async function loadFinding(reviewId: string, id: string, tx?: Tx) {
  const finding = await (tx ?? db()).finding.findFirst({ where: { id, reviewId }, include: findingInclude });
  if (!finding) throw AppError.notFound("Finding");
  return finding;
}

/** Throws VALIDATION_FAILED (naming `field`) unless every id is a shared timeline entry of the review. */
export async function assertSharedEntries(reviewId: string, ids: string[], field: string, tx?: Tx): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await (tx ?? db()).timelineEntry.findMany({ where: { id: { in: unique }, reviewId, accountId: null }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw unknownIds(field, missing, "shared timeline entries");
  return unique;
}
