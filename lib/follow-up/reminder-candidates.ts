/**
 * Agreed, unfinished actions due within the reminder window or overdue, that have not had the
 * reminder for their current threshold and due date yet. "Overdue" is as the backlog shows it:
 * still open and due before today (UTC).
 */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { startOfDayUtc } from "../action-items/action-fields";

export type ReminderThreshold = "due-soon" | "overdue";

export type ReminderCandidate = {
  id: string;
  title: string;
  dueDate: Date;
  reviewId: string;
  reviewTitle: string;
  teamId: string;
  teamName: string;
  teamSlug: string;
  assigneeId: string | null;
  threshold: ReminderThreshold;
};

export async function reminderCandidates(now: Date, withinDays: number, teamIds?: string[], limit = 500): Promise<ReminderCandidate[]> {
  const today = startOfDayUtc(now);
  const only = teamIds ? Prisma.sql`AND a."teamId" = ANY(${teamIds}::text[])` : Prisma.empty;
  const soonUntil = new Date(today.getTime() + withinDays * 86_400_000);
  return db().$queryRaw<ReminderCandidate[]>`
    WITH due AS (
      SELECT a.id, a.title, a."dueDate", a."reviewId", a."teamId", a."assigneeId",
             CASE WHEN a."dueDate" < ${today} THEN 'overdue' ELSE 'due-soon' END AS threshold
      FROM "ActionItem" a
      WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a."agreedAt" IS NOT NULL AND a."dueDate" IS NOT NULL AND a."dueDate" <= ${soonUntil} ${only}
    )
    SELECT d.id, d.title, d."dueDate", d."reviewId", r.title AS "reviewTitle", d."teamId", t.name AS "teamName", t.slug AS "teamSlug",
           d."assigneeId", d.threshold
    FROM due d
    JOIN "Review" r ON r.id = d."reviewId"
    JOIN "Team" t ON t.id = d."teamId"
    WHERE NOT EXISTS (
      SELECT 1 FROM "ActionReminder" ar WHERE ar."actionId" = d.id AND ar.threshold = d.threshold AND ar."dueDate" = d."dueDate"
    )
    ORDER BY d."dueDate", d.id
    LIMIT ${limit}`;
}
