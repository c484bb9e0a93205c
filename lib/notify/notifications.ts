/**
 * In-app notices. Bodies name reviews and actions, never account content (the independence
 * guarantee covers notifications and e-mails too).
 */
import { db, type Tx } from "../db/client";
import type { Actor } from "../policies/types";

export type NoticeInput = { userId: string; reviewId?: string | null; type: string; title: string; body: string; url: string };

/** Creates notices inside the caller's transaction. */
export async function createNotifications(tx: Tx, notices: NoticeInput[]): Promise<void> {
  if (!notices.length) return;
  await tx.notification.createMany({ data: notices.map((n) => ({ ...n, reviewId: n.reviewId ?? null })) });
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
}
