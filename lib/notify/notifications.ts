/**
 * In-app notices. Bodies name reviews and actions, never account content (the independence
 * guarantee covers notifications and e-mails too).
 */
import { db, type Tx } from "../db/client";
import type { Actor } from "../policies/types";
import { emailEnabled, noticeEmail, queueEmails } from "./email";
import { forgetUnread, unreadCache } from "../auth/request-cache";

export type NoticeInput = { userId: string; reviewId?: string | null; type: string; title: string; body: string; url: string };

/** Creates notices inside the caller's transaction, and queues their e-mails when SMTP is configured. */
export async function createNotifications(tx: Tx, notices: NoticeInput[]): Promise<void> {
  if (!notices.length) return;
  await tx.notification.createMany({ data: notices.map((n) => ({ ...n, reviewId: n.reviewId ?? null })) });
  for (const n of notices) forgetUnread(n.userId);
  if (!emailEnabled()) return;
  const users = await tx.user.findMany({ where: { id: { in: notices.map((n) => n.userId) }, deactivatedAt: null }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  await queueEmails(
    tx,
    notices.filter((n) => emailOf.has(n.userId)).map((n) => noticeEmail(emailOf.get(n.userId)!, n)),
  );
}

/** The number of unread notices (cached briefly: every page's navigation shows it). */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  const cached = unreadCache.get(actor.id);
  if (cached !== undefined) return cached;
  const count = await db().notification.count({ where: { userId: actor.id, readAt: null } });
  unreadCache.set(actor.id, count);
  return count;
}

export async function listMyNotifications(actor: Actor, options: { unreadOnly?: boolean; limit?: number } = {}) {
  const [items, unread] = await Promise.all([
    db().notification.findMany({
      where: { userId: actor.id, ...(options.unreadOnly ? { readAt: null } : {}) },
      orderBy: { createdAt: "desc" },
      take: options.limit ?? 20,
    }),
    db().notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return { items, unread };
}

export async function markNotificationsRead(actor: Actor, ids?: string[]) {
  await db().notification.updateMany({ where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  forgetUnread(actor.id);
}
