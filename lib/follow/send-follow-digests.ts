/**
 * The followers' digest (a periodic task, daily by default): for each person who follows anything
 * and is due, the reviews published since their last digest that match what they follow AND that
 * they may see — as in-app notices, and one e-mail when SMTP is configured. Each person's
 * watermark moves in the same transaction as their notices (a conditional update claims it), so
 * several workers never send the same digest and each review reaches each person once.
 */
import { recordAuditEvent } from "../audit/events";
import { loadActor } from "../auth/load-actor";
import { forgetUnread } from "../auth/request-cache";
import { db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { appUrl } from "../env";
import { log } from "../log";
import { emailEnabled, queueEmails } from "../notify/email";
import { digestEmail, digestNotices } from "./digest-message";
import { digestSettings, FOLLOW_DIGEST, type DigestOptions } from "./digest-window";
import { listPublishedReviews } from "./published-reviews";

const MAX_REVIEWS = 100;

/** People who follow something, with their watermark (or, the first time, when they started following). */
async function duePeople(dueBefore: Date, userIds?: string[]) {
  const only = userIds ? Prisma.sql`AND u.id = ANY(${userIds}::text[])` : Prisma.empty;
  const rows = await db().$queryRaw<{ userId: string; email: string; lastAt: Date | null; since: Date }[]>`
    SELECT u.id AS "userId", u.email, d."lastAt", MIN(s."createdAt") AS since
    FROM "Subscription" s
    JOIN "User" u ON u.id = s."userId" AND u."deactivatedAt" IS NULL ${only}
    LEFT JOIN "DigestState" d ON d."userId" = u.id AND d.kind = ${FOLLOW_DIGEST}
    GROUP BY u.id, u.email, d."lastAt"
    HAVING d."lastAt" IS NULL OR d."lastAt" <= ${dueBefore}
    ORDER BY u.id
    LIMIT 1000`;
  return rows;
}

/** Moves the watermark from what was read to `cutoff`; false when another worker got there first. */
async function claim(tx: Tx, userId: string, seen: Date | null, cutoff: Date): Promise<boolean> {
  if (seen) {
    const n = await tx.digestState.updateMany({ where: { userId, kind: FOLLOW_DIGEST, lastAt: seen }, data: { lastAt: cutoff } });
    return n.count === 1;
  }
  const n = await tx.digestState.createMany({ data: [{ userId, kind: FOLLOW_DIGEST, lastAt: cutoff }], skipDuplicates: true });
  return n.count === 1;
}

/** `userIds`: only these people (an admin's or a test's targeted run); everyone due otherwise. */
export async function sendFollowDigests(options: DigestOptions & { userIds?: string[] } = {}): Promise<{ people: number; reviews: number }> {
  const { cutoff, dueBefore } = digestSettings(options);
  let people = 0;
  let reviews = 0;
  for (const person of await duePeople(dueBefore, options.userIds)) {
    try {
      const actor = await loadActor(person.userId);
      if (!actor) continue;
      const from = person.lastAt ?? person.since;
      const items = from < cutoff ? await listPublishedReviews(actor, { followedBy: actor.id, publishedAfter: from, publishedUpTo: cutoff, limit: MAX_REVIEWS }) : [];
      const sent = await db().$transaction(async (tx) => {
        if (!(await claim(tx, person.userId, person.lastAt, cutoff))) return false;
        if (!items.length) return false;
        const notices = digestNotices(person.userId, items);
        await tx.notification.createMany({ data: notices.map((n) => ({ ...n, reviewId: n.reviewId ?? null })) });
        await queueEmails(tx, [digestEmail(person.email, items, appUrl())]);
        await recordAuditEvent(tx, {
          type: "follow.digest_sent",
          actorId: null,
          subjectId: person.userId,
          data: { reviewIds: items.map((i) => i.id), email: emailEnabled() },
        });
        return true;
      });
      if (sent) {
        forgetUnread(person.userId);
        people++;
        reviews += items.length;
      }
    } catch (err) {
      log.error({ err, userId: person.userId }, "follow digest failed for one person");
    }
  }
  return { people, reviews };
}
