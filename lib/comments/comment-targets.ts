/** What comments hang on — shared timeline entries and findings — and how comments are shown. */
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { findMentions, type Mentionable } from "./mentions";

export const COMMENT_TARGETS = ["TIMELINE_ENTRY", "FINDING"] as const;
export type CommentTargetName = (typeof COMMENT_TARGETS)[number];

export const commentTargetTypeSchema = z
  .enum(COMMENT_TARGETS, { error: "The target type is TIMELINE_ENTRY (a shared timeline entry) or FINDING." })
  .describe("TIMELINE_ENTRY (a shared timeline entry) or FINDING.");
export const commentTargetIdSchema = z.string().trim().min(1, "Give the id of the entry or finding.").max(100, "That is not an id.");

export type CommentTarget = { type: CommentTargetName; id: string; label: string };

/** The entry or finding of this review a comment is about, with words naming it; 404 otherwise. */
export async function loadCommentTarget(reviewId: string, type: CommentTargetName, id: string, tx?: Tx): Promise<CommentTarget> {
  const client = tx ?? db();
  if (type === "FINDING") {
    const finding = await client.finding.findFirst({ where: { id, reviewId }, select: { title: true } });
    if (!finding) throw AppError.notFound("Finding");
    return { type, id, label: `the finding “${finding.title.length > 80 ? `${finding.title.slice(0, 79)}…` : finding.title}”` };
  }
  // Shared entries only: personal entries belong to accounts and are not discussed one by one.
  const entry = await client.timelineEntry.findFirst({ where: { id, reviewId, accountId: null }, select: { occurredAt: true } });
  if (!entry) throw AppError.notFound("Timeline entry");
  return { type, id, label: `the shared timeline entry at ${entry.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC` };
}

type CommentRow = {
  id: string;
  targetType: CommentTargetName;
  targetId: string;
  parentId: string | null;
  authorId: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string | null; email: string } | null;
};

/** A comment as shown: its author by name (comments are said openly in the session), and whom it mentions. */
export function toCommentView(c: CommentRow, actor: Actor, participants: Mentionable[]) {
  return {
    id: c.id,
    targetType: c.targetType,
    targetId: c.targetId,
    parentId: c.parentId,
    author: c.author ? { id: c.author.id, name: c.author.name ?? c.author.email } : null,
    body: c.body,
    mentionedUserIds: findMentions(c.body, participants),
    mine: c.authorId === actor.id,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type CommentView = ReturnType<typeof toCommentView>;

export const commentInclude = { author: { select: { id: true, name: true, email: true } } } as const;

/** The participants of a review as people who can be mentioned. */
export const mentionable = (participants: { userId: string; user: { name: string | null; email: string } }[]): Mentionable[] =>
  participants.map((p) => ({ userId: p.userId, name: p.user.name, email: p.user.email }));
