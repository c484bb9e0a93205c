import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { assertSharedEntries, evidenceIdsSchema, findingCategorySchema, findingDescriptionSchema, findingInclude, findingTitleSchema, toFindingView } from "./finding-view";

export const createFindingSchema = z.object({
  category: findingCategorySchema,
  title: findingTitleSchema,
  description: findingDescriptionSchema.default(""),
  evidenceEntryIds: evidenceIdsSchema.default([]).describe("Shared timeline entries that support the finding."),
});
export type CreateFindingInput = z.output<typeof createFindingSchema>;

/** Adds a finding to the board, with the shared timeline entries that support it. */
export async function createFinding(actor: Actor, reviewId: string, input: CreateFindingInput) {
  await loadSessionReview(actor, reviewId, "contribute");
  const finding = await db().$transaction(async (tx) => {
    const evidence = await assertSharedEntries(reviewId, input.evidenceEntryIds, "evidenceEntryIds", tx);
    const created = await tx.finding.create({
      data: {
        reviewId,
        category: input.category,
        title: input.title,
        description: input.description,
        createdById: actor.id,
        evidence: { create: evidence.map((timelineEntryId) => ({ timelineEntryId })) },
      },
      include: findingInclude,
    });
    await recordAuditEvent(tx, { type: "finding.created", actorId: actor.id, reviewId, subjectId: created.id, data: { category: input.category } });
    return created;
  });
  publishReviewEvent("findings.changed", reviewId, [finding.id]);
  return toFindingView(finding);
}
