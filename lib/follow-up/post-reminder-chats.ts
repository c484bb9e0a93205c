/**
 * Posts the day's new action reminders to each team's chat channel, one message per team. Rows are
 * claimed (chatSentAt set) before posting and released when the post fails, so a failed post is
 * retried on the next run — for a day, then given up — and a successful one is never repeated.
 */
import { db } from "../db/client";
import { appUrl } from "../env";
import { postToTeamChat } from "../notify/chat";
import { reminderChatText, type ChatReminder } from "./reminder-message";

const RETRY_FOR_MS = 24 * 3_600_000;

export async function postReminderChats(now = new Date(), teamIds?: string[]): Promise<number> {
  const rows = await db().actionReminder.findMany({
    where: { chatSentAt: null, sentAt: { gt: new Date(now.getTime() - RETRY_FOR_MS) }, action: { team: { chatWebhookUrl: { not: null }, ...(teamIds ? { id: { in: teamIds } } : {}) } } },
    select: {
      actionId: true,
      threshold: true,
      dueDate: true,
      action: {
        select: {
          title: true,
          reviewId: true,
          assignee: { select: { name: true, email: true } },
          team: { select: { id: true, name: true, chatWebhookUrl: true } },
        },
      },
    },
    orderBy: { sentAt: "asc" },
    take: 500,
  });
  const byTeam = new Map<string, typeof rows>();
  for (const row of rows) byTeam.set(row.action.team.id, [...(byTeam.get(row.action.team.id) ?? []), row]);
  let posted = 0;
  for (const teamRows of byTeam.values()) {
    const team = teamRows[0]!.action.team;
    const keys = teamRows.map((r) => ({ actionId: r.actionId, threshold: r.threshold, dueDate: r.dueDate }));
    const claimed = await db().actionReminder.updateMany({ where: { OR: keys, chatSentAt: null }, data: { chatSentAt: now } });
    if (claimed.count !== keys.length) {
      // Another worker took some of them: leave the team to it.
      await db().actionReminder.updateMany({ where: { OR: keys, chatSentAt: now }, data: { chatSentAt: null } });
      continue;
    }
    const reminders: ChatReminder[] = teamRows.map((r) => ({
      title: r.action.title,
      dueDate: r.dueDate,
      threshold: r.threshold,
      reviewId: r.action.reviewId,
      assignee: r.action.assignee ? (r.action.assignee.name ?? r.action.assignee.email) : null,
    }));
    if (await postToTeamChat(team, reminderChatText(team.name, reminders, appUrl()))) posted++;
    else await db().actionReminder.updateMany({ where: { OR: keys, chatSentAt: now }, data: { chatSentAt: null } });
  }
  return posted;
}
