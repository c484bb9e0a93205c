import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { createNotifications } from "../notify/notifications";
import { loadVisibleReview } from "../reviews/load-review";

export const remindRespondersSchema = z.object({
  /** Responders to remind; default: everyone who has not submitted. */
  participantIds: z.array(z.string()).max(200).optional(),
});

/** Sends a reminder notice to responders who have not submitted. Returns who was reminded. */
export async function remindResponders(actor: Actor, reviewId: string, input: z.output<typeof remindRespondersSchema>) {
  const { review, facts } = await loadVisibleReview(actor, reviewId);
  authorize(actor, "review:remind-responders", facts, {
    message: review.phase === "INDEPENDENT" ? "Only the facilitator or an admin can send reminders." : "Reminders are for the independent accounts phase.",
  });
  const submitted = new Set(
    (await db().responderAccount.findMany({ where: { reviewId, status: "SUBMITTED" }, select: { authorId: true } })).map((a) => a.authorId),
  );
  const targets = review.participants.filter(
    (p) => p.role === "RESPONDER" && !submitted.has(p.userId) && (!input.participantIds || input.participantIds.includes(p.id)),
  );
  if (!targets.length) throw new AppError("CONFLICT", "Everyone you chose has submitted already; nobody to remind.");
  const sender = actor.name ?? actor.email;
  await db().$transaction(async (tx) => {
    await createNotifications(
      tx,
      targets.map((p) => ({
        userId: p.userId,
        reviewId,
        type: "account.reminder",
        title: `Reminder: your account for “${review.title}”`,
        body: `${sender} reminds you to write and submit your account${review.accountDeadline ? ` before ${review.accountDeadline.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}.`,
        url: `/reviews/${reviewId}/account`,
      })),
    );
    await tx.reviewParticipant.updateMany({ where: { id: { in: targets.map((t) => t.id) } }, data: { lastRemindedAt: new Date() } });
    await recordAuditEvent(tx, { type: "review.responders_reminded", actorId: actor.id, reviewId, subjectId: reviewId, data: { userIds: targets.map((t) => t.userId), automatic: false } });
  });
  return { reminded: targets.map((t) => ({ participantId: t.id, name: t.user.name ?? t.user.email })) };
}
