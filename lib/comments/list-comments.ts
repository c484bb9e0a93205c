import { z } from "zod";
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { commentInclude, commentTargetIdSchema, commentTargetTypeSchema, loadCommentTarget, mentionable, toCommentView } from "./comment-targets";

export const listCommentsSchema = z
  .object({
    targetType: commentTargetTypeSchema.optional(),
    targetId: commentTargetIdSchema.optional(),
  })
  .refine((q) => (q.targetType === undefined) === (q.targetId === undefined), {
    message: "Give both targetType and targetId, or neither for every comment of the review.",
    path: ["targetId"],
  });
export type ListCommentsInput = z.output<typeof listCommentsSchema>;

/**
 * The comments on one shared timeline entry or finding — or, without a target, on all of the
 * review's — oldest first. Threads are built from `parentId` (null for a comment that starts one).
 */
export async function listComments(actor: Actor, reviewId: string, input: ListCommentsInput = {}) {
  const { review, abilities } = await loadSessionReview(actor, reviewId, "read");
  if (input.targetType && input.targetId) await loadCommentTarget(reviewId, input.targetType, input.targetId);
  const rows = await db().comment.findMany({
    where: { reviewId, ...(input.targetType && input.targetId ? { targetType: input.targetType, targetId: input.targetId } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: commentInclude,
  });
  const people = mentionable(review.participants);
  return { comments: rows.map((c) => toCommentView(c, actor, people)), abilities };
}
