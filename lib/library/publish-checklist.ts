/**
 * What a review needs before it is published: the narrative is written, the group named findings,
 * every finding has an action or a recorded "no action needed" decision (what went well needs
 * neither), the report has a summary, and the facilitator confirmed the report was checked for
 * sensitive content. The move to PUBLISHED is refused (409, listing the unmet items) until all
 * are met — wherever the move comes from (lib/reviews/move-review-phase.ts).
 */
import { narrativeDocumentName } from "../collaboration/document-name";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { needsDecision } from "../action-items/finding-decisions";
import type { FindingCategoryName } from "../findings/categories";

export const CHECKLIST_ITEMS = ["narrative", "findings", "finding-actions", "summary", "sensitive"] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

export type ChecklistFacts = {
  narrativeText: string;
  findings: { id: string; title: string; category: FindingCategoryName; actionCount: number; noActionReason: string | null }[];
  summary: string | null;
  sensitiveReviewedAt: Date | null;
};

export type ChecklistItem = {
  id: ChecklistItemId;
  label: string;
  /** The item as a thing to do ("write the narrative"), for refusals. */
  todo: string;
  met: boolean;
  /** What is missing (when unmet) or what was found (when met). */
  detail: string;
  /** Where to fix it. */
  href: string;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The checklist from the facts (pure). */
export function evaluatePublishChecklist(reviewId: string, facts: ChecklistFacts): ChecklistItem[] {
  const session = `/reviews/${reviewId}/session`;
  const words = facts.narrativeText.trim().split(/\s+/).filter(Boolean).length;
  const undecided = facts.findings.filter((f) => needsDecision(f.category) && f.actionCount === 0 && !f.noActionReason?.trim());
  const summary = facts.summary?.trim() ?? "";
  return [
    {
      id: "narrative",
      todo: "write the narrative",
      label: "The narrative is written",
      met: words > 0,
      detail: words > 0 ? `${plural(words, "word")} in the shared narrative.` : "The shared narrative is empty: write what happened, in the group's words.",
      href: `${session}?tab=narrative`,
    },
    {
      id: "findings",
      todo: "name the findings",
      label: "The group named its findings",
      met: facts.findings.length > 0,
      detail: facts.findings.length ? `${plural(facts.findings.length, "finding")}.` : "There are no findings yet: contributing factors, knowledge gaps, surprises, what went well.",
      href: `${session}?tab=findings`,
    },
    {
      id: "finding-actions",
      todo: "give every finding an action or a reason for none",
      label: "Every finding has an action or a reason for none",
      met: facts.findings.length > 0 && undecided.length === 0,
      detail: !facts.findings.length
        ? "Name the findings first."
        : undecided.length
          ? `${plural(undecided.length, "finding")} without an action or a “no action needed” reason: ${undecided
              .slice(0, 3)
              .map((f) => `“${f.title}”`)
              .join(", ")}${undecided.length > 3 ? ", …" : ""}.`
          : "Each finding has an action or a recorded decision that none is needed.",
      href: `/reviews/${reviewId}/actions`,
    },
    {
      id: "summary",
      todo: "write the summary",
      label: "The report has a summary",
      met: summary.length > 0,
      detail: summary ? "A summary for readers of the library." : "Write two or three sentences on what happened and what was learned.",
      href: `/reviews/${reviewId}/publish#summary`,
    },
    {
      id: "sensitive",
      todo: "confirm the sensitive-content check",
      label: "Sensitive content was checked",
      met: facts.sensitiveReviewedAt !== null,
      detail: facts.sensitiveReviewedAt
        ? "The facilitator confirmed the report holds no secrets, customer data or personal details."
        : "Confirm you checked the report for secrets, customer data and personal details.",
      href: `/reviews/${reviewId}/publish#sensitive`,
    },
  ];
}

/** The facts of one review, read in `tx` when given (so a publication sees its own changes). */
export async function loadChecklistFacts(reviewId: string, tx?: Tx): Promise<ChecklistFacts> {
  const client = tx ?? db();
  // One after another: in a transaction they share one connection (pg queues concurrent queries on a client, and warns that this ends with pg 9).
  const review = await client.review.findUniqueOrThrow({ where: { id: reviewId }, select: { summary: true, sensitiveReviewedAt: true } });
  const narrative = await client.collabDocument.findUnique({ where: { name: narrativeDocumentName(reviewId) }, select: { text: true } });
  const findings = await client.finding.findMany({
    where: { reviewId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, category: true, noActionReason: true, _count: { select: { actions: true } } },
  });
  return {
    narrativeText: narrative?.text ?? "",
    findings: findings.map((f) => ({ id: f.id, title: f.title, category: f.category, actionCount: f._count.actions, noActionReason: f.noActionReason })),
    summary: review.summary,
    sensitiveReviewedAt: review.sensitiveReviewedAt,
  };
}

/** The checklist of one review. */
export async function loadPublishChecklist(reviewId: string, tx?: Tx): Promise<ChecklistItem[]> {
  return evaluatePublishChecklist(reviewId, await loadChecklistFacts(reviewId, tx));
}

/** Throws a 409 naming every unmet item (in `details.unmet`) unless the review may be published. */
export async function assertReadyToPublish(tx: Tx, reviewId: string): Promise<void> {
  const unmet = (await loadPublishChecklist(reviewId, tx)).filter((i) => !i.met);
  if (!unmet.length) return;
  throw new AppError("CONFLICT", `This review is not ready to publish. Still to do: ${unmet.map((i) => i.todo).join("; ")}.`, {
    details: { unmet: unmet.map(({ id, label, detail, href }) => ({ id, label, detail, href })) },
  });
}
