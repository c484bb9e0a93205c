import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { publishReviewEvent } from "../events/review-events";
import { createNotifications } from "../notify/notifications";
import type { Actor } from "../policies/types";
import { loadSessionReview } from "../session/session-access";
import { commentInclude, commentTargetIdSchema, commentTargetTypeSchema, loadCommentTarget, mentionable, toCommentView } from "./comment-targets";
import { findMentions } from "./mentions";

export const MAX_COMMENT_LENGTH = 4000;

export const addCommentSchema = z.object({
  targetType: commentTargetTypeSchema,
  targetId: commentTargetIdSchema,
  parentId: z.string().trim().min(1).max(100).nullable().optional().describe("The comment this one replies to (on the same entry or finding)."),
  body: z
    .string()
    .trim()
    .min(1, "Write a comment.")
    .max(MAX_COMMENT_LENGTH, `At most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`)
    .describe("Plain text. Mention participants with @their@e-mail.address or @Their Name: they are notified."),
});
export type AddCommentInput = z.output<typeof addCommentSchema>;

const SNIPPET = 140;
const snippet = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1).trimEnd()}…` : text).replace(/\s+/g, " ");

/**
 * Comments on a shared timeline entry or a finding, or replies to a comment there. Participants
 * it @mentions (never the author, never anyone outside the review) get a notice with the target,
 * the start of the comment and a link — a comment is said in the session, not account content.
 */
export async function addComment(actor: Actor, reviewId: string, input: AddCommentInput) {
  const { review } = await loadSessionReview(actor, reviewId, "comment");
  const target = await loadCommentTarget(reviewId, input.targetType, input.targetId);
  if (input.parentId) {
    const parent = await db().comment.findFirst({ where: { id: input.parentId, reviewId, targetType: target.type, targetId: target.id }, select: { id: true } });
    if (!parent) throw new AppError("VALIDATION_FAILED", "The comment you reply to is not on this entry or finding.", { fields: { parentId: ["Not a comment on this entry or finding."] } });
  }
  const people = mentionable(review.participants);
  const mentioned = findMentions(input.body, people).filter((id) => id !== actor.id);
  const author = actor.name ?? actor.email;
  const comment = await db().$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { reviewId, targetType: target.type, targetId: target.id, parentId: input.parentId ?? null, authorId: actor.id, body: input.body },
      include: commentInclude,
    });
    await createNotifications(
      tx,
      mentioned.map((userId) => ({
        userId,
        reviewId,
        type: "comment.mention",
        title: `${author} mentioned you in “${review.title}”`,
        body: `On ${target.label}: “${snippet(input.body)}”`,
        url: `/reviews/${reviewId}/session#comment-${created.id}`,
      })),
    );
    await recordAuditEvent(tx, {
      type: "comment.added",
      actorId: actor.id,
      reviewId,
      subjectId: created.id,
      data: { targetType: target.type, targetId: target.id, mentionedUserIds: mentioned },
    });
    return created;
  });
  publishReviewEvent("comments.changed", reviewId, [comment.id, target.id]);
  return toCommentView(comment, actor, people);
}
