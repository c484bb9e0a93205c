/**
 * The accounts of a review the actor may read — before the reveal only their own; after it, every
 * participant (and admins) read all of them. With "anonymise accounts", authors are shown as
 * "Responder A/B/C…" to everyone but admins (and each author sees their own as theirs).
 */
import { db } from "../db/client";
import type { DocNode } from "../editor/doc";
import { can, isAdmin, isRevealed } from "../policies";
import type { Actor } from "../policies/types";
import { byLetter } from "../reviews/anonymous-letters";
import { loadVisibleReview } from "../reviews/load-review";

export async function listAccounts(actor: Actor, reviewId: string) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  const revealed = isRevealed(review.phase);
  const mayReadOthers = can(actor, "account:read-content", { ...facts, isAuthor: false });
  // A responder removed before the reveal keeps their draft: it is revealed to nobody.
  const responderIds = review.participants.filter((p) => p.role === "RESPONDER").map((p) => p.userId);
  const accounts = await db().responderAccount.findMany({
    // Where the rule is enforced: without the right to read others' accounts, only one's own.
    where: mayReadOthers ? { reviewId, authorId: { in: [...responderIds, actor.id] } } : { reviewId, authorId: actor.id },
    orderBy: { createdAt: "asc" },
    include: {
      author: { select: { id: true, name: true, email: true } },
      timelineEntries: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
      lateAdditions: { orderBy: { createdAt: "asc" } },
    },
  });
  const labels = new Map(review.participants.map((p) => [p.userId, p.anonymousLabel]));
  const hideNames = review.anonymiseAccounts && !isAdmin(actor);
  // Anonymised accounts go in letter order: the order they were started in is on the status board.
  const labelOf = (authorId: string) => labels.get(authorId) ?? "?";
  if (review.anonymiseAccounts) accounts.sort((a, b) => byLetter(labelOf(a.authorId), labelOf(b.authorId)));
  return {
    revealed,
    anonymised: review.anonymiseAccounts,
    accounts: accounts.map((a) => {
      const own = a.authorId === actor.id;
      const label = `Responder ${labelOf(a.authorId)}`;
      const showName = !hideNames || own;
      return {
        id: a.id,
        author: showName ? { id: a.author.id, name: a.author.name ?? a.author.email, label } : { id: null, name: label, label },
        own,
        status: a.status,
        submittedAt: a.submittedAt,
        wordCount: a.wordCount,
        content: a.content as DocNode,
        timeline: a.timelineEntries.map((e) => ({
          id: e.id,
          occurredAt: e.occurredAt,
          timezone: e.timezone,
          description: e.description,
          kind: e.kind,
          evidenceUrl: e.evidenceUrl,
        })),
        lateAdditions: a.lateAdditions.map((l) => ({ id: l.id, content: l.content as DocNode, createdAt: l.createdAt })),
      };
    }),
  };
}

export type AccountsView = Awaited<ReturnType<typeof listAccounts>>;
