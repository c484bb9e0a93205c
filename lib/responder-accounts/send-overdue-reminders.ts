import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { createNotifications } from "../notify/notifications";

/**
 * The automatic reminder: once per deadline, responders of reviews in independent accounts whose
 * deadline has passed and who have not submitted get a notice (and an e-mail). Safe to run from
 * several workers: each reminder is claimed with a conditional update.
 */
export async function sendOverdueReminders(now = new Date()): Promise<number> {
  const candidates = await db().reviewParticipant.findMany({
    where: { role: "RESPONDER", overdueRemindedAt: null, review: { phase: "INDEPENDENT", accountDeadline: { lt: now } } },
    select: { id: true, userId: true, reviewId: true, review: { select: { title: true } } },
    take: 500,
  });
  if (!candidates.length) return 0;
  const submitted = new Set(
    (
      await db().responderAccount.findMany({
        where: { status: "SUBMITTED", OR: candidates.map((c) => ({ reviewId: c.reviewId, authorId: c.userId })) },
        select: { reviewId: true, authorId: true },
      })
    ).map((a) => `${a.reviewId}:${a.authorId}`),
  );
  let sent = 0;
  for (const c of candidates) {
    if (submitted.has(`${c.reviewId}:${c.userId}`)) continue;
    await db().$transaction(async (tx) => {
      const claimed = await tx.reviewParticipant.updateMany({ where: { id: c.id, overdueRemindedAt: null }, data: { overdueRemindedAt: now, lastRemindedAt: now } });
      if (claimed.count !== 1) return;
      await createNotifications(tx, [
        {
          userId: c.userId,
          reviewId: c.reviewId,
          type: "account.overdue",
          title: `Your account for “${c.review.title}” is overdue`,
          body: "The deadline for independent accounts has passed. Please write and submit your account so the group session can start.",
          url: `/reviews/${c.reviewId}/account`,
        },
      ]);
      await recordAuditEvent(tx, { type: "review.responders_reminded", actorId: null, reviewId: c.reviewId, subjectId: c.reviewId, data: { userIds: [c.userId], automatic: true } });
      sent++;
    });
  }
  return sent;
}
