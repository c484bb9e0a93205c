/**
 * E-mail: an outbox written in the caller's transaction, delivered by the worker over SMTP
 * (nodemailer) with retries and backoff. Nothing is queued when SMTP is not configured.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { Tx } from "../db/client";
import { db } from "../db/client";
import { appUrl, env } from "../env";
import { log } from "../log";

export const MAX_ATTEMPTS = 6;

export function emailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

let transporter: { url: string; t: Transporter } | undefined;
function transport(): Transporter {
  const url = env().SMTP_URL!;
  if (transporter?.url !== url) transporter = { url, t: nodemailer.createTransport(url) };
  return transporter.t;
}

export type EmailInput = { to: string; subject: string; text: string };

/** Queues e-mails in the caller's transaction (no-op without SMTP). */
export async function queueEmails(tx: Tx, emails: EmailInput[]): Promise<void> {
  if (!emailEnabled() || !emails.length) return;
  await tx.outboundEmail.createMany({ data: emails });
}

/** The e-mail for an in-app notice: its title, its body and a link — nothing else. */
export function noticeEmail(to: string, notice: { title: string; body: string; url: string }): EmailInput {
  return {
    to,
    subject: notice.title,
    text: `${notice.body}\n\nOpen in Debrief: ${appUrl()}${notice.url}\n\n— Debrief. You get this because you take part in this review.`,
  };
}

/**
 * Sends due e-mails. Claims rows with FOR UPDATE SKIP LOCKED so several workers never send the
 * same e-mail; failures are retried with exponential backoff up to MAX_ATTEMPTS.
 */
export async function deliverDueEmails(limit = 20, now = new Date()): Promise<{ sent: number; failed: number }> {
  if (!emailEnabled()) return { sent: 0, failed: 0 };
  const due = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string; attempts: number }[]>`
      SELECT id, "to", subject, text, attempts FROM "OutboundEmail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    // Push them out of reach of other workers while this one sends.
    if (rows.length) {
      await tx.outboundEmail.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { nextAttemptAt: new Date(now.getTime() + 5 * 60_000) } });
    }
    return rows;
  });
  let sent = 0;
  let failed = 0;
  for (const email of due) {
    try {
      await transport().sendMail({ from: env().EMAIL_FROM, to: email.to, subject: email.subject, text: email.text });
      await db().outboundEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      sent++;
    } catch (e) {
      const attempts = email.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db().outboundEmail.update({
        where: { id: email.id },
        data: {
          attempts,
          lastError: (e as Error).message.slice(0, 500),
          status: giveUp ? "FAILED" : "PENDING",
          nextAttemptAt: new Date(Date.now() + Math.min(2 ** attempts * 15_000, 3_600_000)),
        },
      });
      log.warn({ emailId: email.id, attempts, giveUp, err: (e as Error).message }, "e-mail delivery failed");
      failed++;
    }
  }
  return { sent, failed };
}
