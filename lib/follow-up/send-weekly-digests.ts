/**
 * Product managers' weekly digest (a periodic task): for each team, each product manager due
 * (a week since their last one for that team) gets the team's review actions agreed, overdue and
 * done since then — a notice, and an e-mail when SMTP is configured. A quiet week sends nothing but
 * still moves the watermark. DigestState ("weekly-actions:<teamId>") is claimed with a conditional
 * update in the same transaction as the notice, so it is sent once per person and week.
 */
import { recordAuditEvent } from "../audit/events";
import { forgetUnread } from "../auth/request-cache";
import { db } from "../db/client";
import { appUrl } from "../env";
import { log } from "../log";
import { queueEmails } from "../notify/email";
import { teamWeek, weekIsEmpty, type TeamWeek } from "./team-week";
import { weeklyEmail, weeklyNotice } from "./weekly-digest-message";

export const WEEK_MS = 7 * 86_400_000;
export const weeklyKind = (teamId: string) => `weekly-actions:${teamId}`;

/** `teamIds`: only these teams (a targeted run); all otherwise. */
export async function sendWeeklyDigests(options: { now?: Date; teamIds?: string[] } = {}): Promise<{ sent: number }> {
  const now = options.now ?? new Date();
  const pms = await db().teamMembership.findMany({
    where: { role: "PRODUCT_MANAGER", user: { deactivatedAt: null }, ...(options.teamIds ? { teamId: { in: options.teamIds } } : {}) },
    select: { userId: true, user: { select: { email: true } }, team: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ teamId: "asc" }, { userId: "asc" }],
  });
  const states = await db().digestState.findMany({ where: { kind: { startsWith: "weekly-actions:" }, userId: { in: pms.map((p) => p.userId) } } });
  const lastAt = new Map(states.map((s) => [`${s.userId}|${s.kind}`, s.lastAt]));
  const weeks = new Map<string, TeamWeek>();
  let sent = 0;
  for (const pm of pms) {
    const kind = weeklyKind(pm.team.id);
    const seen = lastAt.get(`${pm.userId}|${kind}`) ?? null;
    if (seen && seen.getTime() > now.getTime() - WEEK_MS) continue;
    try {
      const from = seen ?? new Date(now.getTime() - WEEK_MS);
      const key = `${pm.team.id}|${from.getTime()}`;
      const week = weeks.get(key) ?? (await teamWeek(pm.team.id, from, now));
      weeks.set(key, week);
      const done = await db().$transaction(async (tx) => {
        const claimed = seen
          ? (await tx.digestState.updateMany({ where: { userId: pm.userId, kind, lastAt: seen }, data: { lastAt: now } })).count
          : (await tx.digestState.createMany({ data: [{ userId: pm.userId, kind, lastAt: now }], skipDuplicates: true })).count;
        if (claimed !== 1 || weekIsEmpty(week)) return false;
        const notice = weeklyNotice(pm.userId, pm.team, week);
        await tx.notification.create({ data: { ...notice, reviewId: null } });
        await queueEmails(tx, [weeklyEmail(pm.user.email, pm.team, week, appUrl())]);
        await recordAuditEvent(tx, {
          type: "backlog.weekly_digest_sent",
          actorId: null,
          subjectId: pm.team.id,
          data: { userIds: [pm.userId], added: week.added.length, overdue: week.overdue.length, done: week.done.length },
        });
        return true;
      });
      if (done) {
        forgetUnread(pm.userId);
        sent++;
      }
    } catch (err) {
      log.error({ err, userId: pm.userId, teamId: pm.team.id }, "weekly action digest failed");
    }
  }
  return { sent };
}
