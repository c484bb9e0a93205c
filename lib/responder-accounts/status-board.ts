/**
 * The facilitator's status board: for each responder, whether they have started, are drafting or
 * have submitted, when they last worked on it and how many words — never any content.
 */
import { db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";

export async function getAccountStatusBoard(actor: Actor, reviewId: string, now = new Date()) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:view-account-status", facts, { message: "Only the facilitator and admins see who has written their account." });
  const responders = review.participants.filter((p) => p.role === "RESPONDER");
  // Select only status fields: content and text are never loaded here.
  const accounts = await db().responderAccount.findMany({
    where: { reviewId },
    select: { authorId: true, status: true, wordCount: true, lastEditedAt: true, submittedAt: true },
  });
  const byAuthor = new Map(accounts.map((a) => [a.authorId, a]));
  const deadline = review.accountDeadline;
  const rows = responders.map((p) => {
    const a = byAuthor.get(p.userId);
    const status = !a || (a.wordCount === 0 && !a.lastEditedAt) ? "NOT_STARTED" : a.status;
    return {
      participantId: p.id,
      userId: p.userId,
      name: p.user.name ?? p.user.email,
      email: p.user.email,
      status: status as "NOT_STARTED" | "DRAFTING" | "SUBMITTED",
      lastActivityAt: a?.lastEditedAt ?? null,
      submittedAt: a?.submittedAt ?? null,
      wordCount: a?.wordCount ?? 0,
      overdue: Boolean(deadline && deadline < now && status !== "SUBMITTED"),
      lastRemindedAt: p.lastRemindedAt,
    };
  });
  return {
    phase: review.phase,
    deadline,
    anonymise: review.anonymiseAccounts,
    responders: rows,
    submitted: rows.filter((r) => r.status === "SUBMITTED").length,
    notSubmitted: rows.filter((r) => r.status !== "SUBMITTED").map((r) => r.name),
  };
}

export type StatusBoard = Awaited<ReturnType<typeof getAccountStatusBoard>>;
