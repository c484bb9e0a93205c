/** The words of a product manager's weekly digest of their team's review actions. */
import { dueDateText, PRIORITY_LABEL, type ActionPriorityName } from "../action-items/action-fields";
import type { EmailInput } from "../notify/email";
import type { NoticeInput } from "../notify/notifications";
import { actionUrl } from "./reminder-message";
import type { TeamWeek, WeekAction } from "./team-week";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function weeklySummary(w: TeamWeek): string {
  return `${count(w.added.length, "new action", "new actions")} agreed, ${count(w.overdue.length, "action", "actions")} overdue, ${count(w.done.length, "action", "actions")} done this week.`;
}

export function weeklyNotice(userId: string, team: { name: string; slug: string }, w: TeamWeek): NoticeInput {
  return {
    userId,
    type: "backlog.weekly_digest",
    title: `This week in ${team.name}’s review actions`,
    body: `${weeklySummary(w)}${w.overdue.length ? " Rank the overdue ones or give them new dates." : ""}`,
    url: `/teams/${team.slug}/backlog`,
  };
}

const MAX_LISTED = 15;

function section(heading: string, items: WeekAction[], origin: string): string {
  if (!items.length) return "";
  const lines = items.slice(0, MAX_LISTED).map((a) => {
    const due = a.dueDate ? `, due ${dueDateText(a.dueDate)}` : "";
    return `• ${a.title} (${PRIORITY_LABEL[a.priority as ActionPriorityName] ?? a.priority}${due})\n  ${origin}${actionUrl(a.reviewId)}`;
  });
  const more = items.length > MAX_LISTED ? `\n  …and ${items.length - MAX_LISTED} more` : "";
  return `${heading}\n${lines.join("\n")}${more}`;
}

export function weeklyEmail(to: string, team: { name: string; slug: string }, w: TeamWeek, origin: string): EmailInput {
  const parts = [section("Overdue", w.overdue, origin), section("New this week", w.added, origin), section("Done this week", w.done, origin)].filter(Boolean);
  return {
    to,
    subject: `Weekly: ${team.name}’s review actions — ${weeklySummary(w).replace(/ this week\.$/, "")}`,
    text:
      `${weeklySummary(w)}\n\n${parts.join("\n\n")}\n\nThe team’s backlog: ${origin}/teams/${team.slug}/backlog\n\n` +
      `— Debrief. You get this weekly as a product manager of ${team.name}.`,
  };
}
