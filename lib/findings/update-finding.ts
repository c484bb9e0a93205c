import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { commentCounts } from "../timeline/shared-entries";
import { assertSharedEntries, evidenceIdsSchema, findingCategorySchema, findingDescriptionSchema, findingInclude, findingTitleSchema, loadFinding, toFindingView } from "./finding-view";

export const updateFindingSchema = z
  .object({
    category: findingCategorySchema.optional(),
    title: findingTitleSchema.optional(),
    description: findingDescriptionSchema.optional(),
    link: evidenceIdsSchema.optional().describe("Shared timeline entries to add as supporting evidence."),
    unlink: evidenceIdsSchema.optional().describe("Shared timeline entries that no longer support it."),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateFindingInput = z.output<typeof updateFindingSchema>;

/**
 * Edits a finding: its category, title or description, and links to or unlinks supporting shared
 * timeline entries. Links are added and removed (never replaced wholesale), so two people linking
 * entries at the same time both keep theirs.
 */
export async function updateFinding(actor: Actor, reviewId: string, findingId: string, input: UpdateFindingInput) {
  await loadSessionReview(actor, reviewId, "contribute");
  const current = await loadFinding(reviewId, findingId);
  const finding = await db().$transaction(async (tx) => {
    const link = await assertSharedEntries(reviewId, input.link ?? [], "link", tx);
    const unlink = [...new Set(input.unlink ?? [])];
    const fields: string[] = [];
    const data: { category?: typeof input.category; title?: string; description?: string } = {};
    for (const key of ["category", "title", "description"] as const) {
      if (input[key] !== undefined && input[key] !== current[key]) {
        Object.assign(data, { [key]: input[key] });
        fields.push(key);
      }
    }
    const before = new Set(current.evidence.map((e) => e.timelineEntryId));
    if (link.some((id) => !before.has(id)) || unlink.some((id) => before.has(id))) fields.push("evidence");
    if (!fields.length) return current;
    if (unlink.length) await tx.findingEvidence.deleteMany({ where: { findingId, timelineEntryId: { in: unlink } } });
    if (link.length) await tx.findingEvidence.createMany({ data: link.map((timelineEntryId) => ({ findingId, timelineEntryId })), skipDuplicates: true });
    const updated = await tx.finding.update({ where: { id: findingId }, data: { ...data, updatedAt: new Date() }, include: findingInclude });
    await recordAuditEvent(tx, { type: "finding.updated", actorId: actor.id, reviewId, subjectId: findingId, data: { fields } });
    return updated;
  });
  if (finding !== current) publishReviewEvent("findings.changed", reviewId, [findingId]);
  return toFindingView(finding, (await commentCounts(reviewId, "FINDING", [findingId])).get(findingId) ?? 0);
}
