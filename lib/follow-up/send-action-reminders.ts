/**
 * Follow-up reminders (a periodic task): the owner of each agreed, unfinished action — its
 * assignee, or else the team's product managers — is reminded once when it is due within
 * DEBRIEF_REMINDER_DAYS and once when it is overdue (again if its due date changes), in-app and by
 * e-mail when SMTP is configured; then the team's chat channel gets one message with the team's
 * new reminders (postReminderChats). The ActionReminder row is the claim: inserted with the
 * notices in one transaction, so several workers never remind twice.
 */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { createNotifications } from "../notify/notifications";
import { reminderCandidates, type ReminderCandidate } from "./reminder-candidates";
import { reminderNotice } from "./reminder-message";
import { postReminderChats } from "./post-reminder-chats";

/** `teamIds`: only these teams' actions (a targeted run); all otherwise. */
export type ReminderOptions = { now?: Date; withinDays?: number; teamIds?: string[] };

async function productManagers(teamId: string, cache: Map<string, string[]>): Promise<string[]> {
  const hit = cache.get(teamId);
  if (hit) return hit;
  const pms = await db().teamMembership.findMany({
    where: { teamId, role: "PRODUCT_MANAGER", user: { deactivatedAt: null } },
    select: { userId: true },
    orderBy: { createdAt: "asc" },
  });
  const ids = pms.map((p) => p.userId);
  cache.set(teamId, ids);
  return ids;
}

async function owners(a: ReminderCandidate, pmCache: Map<string, string[]>): Promise<{ userIds: string[]; asProductManager: boolean }> {
  if (a.assigneeId) {
    const active = await db().user.count({ where: { id: a.assigneeId, deactivatedAt: null } });
    if (active) return { userIds: [a.assigneeId], asProductManager: false };
  }
  return { userIds: await productManagers(a.teamId, pmCache), asProductManager: true };
}

export async function sendActionReminders(options: ReminderOptions = {}): Promise<{ reminded: number; notices: number; chats: number }> {
  const now = options.now ?? new Date();
  const withinDays = options.withinDays ?? env().DEBRIEF_REMINDER_DAYS;
  const pmCache = new Map<string, string[]>();
  let reminded = 0;
  let notices = 0;
  for (const a of await reminderCandidates(now, withinDays, options.teamIds)) {
    try {
      const { userIds, asProductManager } = await owners(a, pmCache);
      const sent = await db().$transaction(async (tx) => {
        const claimed = await tx.actionReminder.createMany({ data: [{ actionId: a.id, threshold: a.threshold, dueDate: a.dueDate, sentAt: now }], skipDuplicates: true });
        if (claimed.count !== 1) return null;
        await createNotifications(tx, userIds.map((userId) => reminderNotice(userId, a, asProductManager)));
        await recordAuditEvent(tx, { type: "action.reminded", actorId: null, reviewId: a.reviewId, subjectId: a.id, data: { threshold: a.threshold, userIds } });
        return userIds.length;
      });
      if (sent === null) continue;
      reminded++;
      notices += sent;
    } catch (err) {
      log.error({ err, actionId: a.id }, "action reminder failed");
    }
  }
  const chats = await postReminderChats(now, options.teamIds);
  return { reminded, notices, chats };
}
