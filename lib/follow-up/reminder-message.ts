/** The words of follow-up reminders: a notice (and its e-mail) per owner, and one chat message per team. */
import { dueDateText } from "../action-items/action-fields";
import type { NoticeInput } from "../notify/notifications";
import type { ReminderCandidate } from "./reminder-candidates";

export const actionUrl = (reviewId: string) => `/reviews/${reviewId}/actions`;

export function reminderNotice(userId: string, a: ReminderCandidate, asProductManager: boolean): NoticeInput {
  const due = dueDateText(a.dueDate);
  const owner = asProductManager ? " It has no assignee yet: you get this as the team’s product manager." : "";
  if (a.threshold === "overdue") {
    return {
      userId,
      reviewId: a.reviewId,
      type: "action.overdue",
      title: `Action overdue: “${a.title}”`,
      body: `This action from “${a.reviewTitle}” (${a.teamName}) was due on ${due}.${owner} Finish it, or give it a new due date and say what is in the way.`,
      url: actionUrl(a.reviewId),
    };
  }
  return {
    userId,
    reviewId: a.reviewId,
    type: "action.due_soon",
    title: `Action due ${due}: “${a.title}”`,
    body: `This action from “${a.reviewTitle}” (${a.teamName}) is due on ${due}.${owner} If it will take longer, change its due date now so the team can plan.`,
    url: actionUrl(a.reviewId),
  };
}

export type ChatReminder = { title: string; dueDate: Date; threshold: string; reviewId: string; assignee: string | null };

export function reminderChatText(teamName: string, reminders: ChatReminder[], origin: string): string {
  const sorted = [...reminders].sort((a, b) => (a.threshold === b.threshold ? a.dueDate.getTime() - b.dueDate.getTime() : a.threshold === "overdue" ? -1 : 1));
  const lines = sorted.map(
    (r) =>
      `• ${r.threshold === "overdue" ? "Overdue" : "Due soon"}: ${r.title} — due ${dueDateText(r.dueDate)}, ${r.assignee ?? "no assignee yet"}\n${origin}${actionUrl(r.reviewId)}`,
  );
  return `Review actions of ${teamName} that need attention:\n\n${lines.join("\n\n")}`;
}
