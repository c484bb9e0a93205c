/**
 * The periodic tasks of following and follow-up, registered with the background worker
 * (lib/jobs/worker.ts). Each works from state in PostgreSQL and claims what it sends (digest
 * watermarks, reminder rows), so any number of workers may run them; the intervals only decide
 * how soon after being due something goes out.
 */
import { sendActionReminders } from "../follow-up/send-action-reminders";
import { sendWeeklyDigests } from "../follow-up/send-weekly-digests";
import { sendFollowDigests } from "./send-follow-digests";
import { sendTeamChatDigests } from "./send-team-chat-digests";

export const FOLLOW_TASKS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "follow-digests", everyMs: 5 * 60_000, run: async () => ({ people: await sendFollowDigests(), teams: await sendTeamChatDigests() }) },
  { name: "action-reminders", everyMs: 5 * 60_000, run: () => sendActionReminders() },
  { name: "weekly-action-digests", everyMs: 15 * 60_000, run: () => sendWeeklyDigests() },
];
