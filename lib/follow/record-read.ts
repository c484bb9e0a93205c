/**
 * Records that someone opened a published review's report: the first and last time and how many
 * visits (a reload within half an hour is the same visit). Called by the report page; a review
 * the reader may not see, or one not published, records nothing. Never fails the page: a problem
 * is logged and swallowed.
 */
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { log } from "../log";
import type { Actor } from "../policies/types";
import { visibleReviewsSql } from "../reviews/review-scope-sql";

/** A reload within this long counts as the same visit. */
export const SAME_VISIT_MS = 30 * 60_000;

export async function recordRead(actor: Actor, reviewId: string, now = new Date()): Promise<boolean> {
  try {
    const sameVisit = new Date(now.getTime() - SAME_VISIT_MS);
    const n = await db().$executeRaw(Prisma.sql`
      INSERT INTO "ReviewRead" (id, "reviewId", "userId", "firstAt", "lastAt", count)
      SELECT ${randomUUID()}, r.id, ${actor.id}, ${now}, ${now}, 1
      FROM "Review" r
      JOIN "Incident" i ON i.id = r."incidentId"
      LEFT JOIN "ReviewParticipant" me ON me."reviewId" = r.id AND me."userId" = ${actor.id}
      WHERE r.id = ${reviewId} AND r.phase = 'PUBLISHED' AND ${visibleReviewsSql(actor)}
      ON CONFLICT ("reviewId", "userId") DO UPDATE SET
        "lastAt" = EXCLUDED."lastAt",
        count = CASE WHEN "ReviewRead"."lastAt" < ${sameVisit} THEN "ReviewRead".count + 1 ELSE "ReviewRead".count END`);
    return n > 0;
  } catch (err) {
    log.warn({ err, reviewId }, "could not record a read");
    return false;
  }
}
