import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { cachedForReader } from "./library-cache";
import { RESULT_COLUMNS, toResult, visibleDocumentsFrom, visibleDocumentsWhere, type ResultRow } from "./library-sql";

/** How far back the reader's teams' incidents count towards "your services". */
const SERVICES_WINDOW_DAYS = 365;

type Row = ResultRow & { sharedServices: string[] };

/**
 * Other teams' published reviews that touch services the reader's own teams had incidents with
 * (in the last year): the answer to "that could not happen to us". Newest first; each result names
 * the shared services. Empty for someone in no team, or whose teams had no incidents. Cached per
 * reader until the library changes (a new incident's services count from the next change on).
 */
export async function similarToYourServices(actor: Actor, options: { limit?: number } = {}) {
  return cachedForReader(actor, `similar:${options.limit ?? 6}`, () => computeSimilar(actor, options));
}

async function computeSimilar(actor: Actor, options: { limit?: number }) {
  const teams = Object.keys(actor.teams);
  if (!teams.length) return { services: [] as string[], items: [] };
  const since = new Date(Date.now() - SERVICES_WINDOW_DAYS * 86_400_000);
  const mine = await db().$queryRaw<{ service: string }[]>`
    SELECT DISTINCT unnest(services) AS service FROM "Incident" WHERE "teamId" = ANY(${teams}::text[]) AND "startedAt" >= ${since} ORDER BY 1 LIMIT 200`;
  const services = mine.map((m) => m.service);
  if (!services.length) return { services, items: [] };
  const limit = Math.min(Math.max(options.limit ?? 6, 1), 24);
  const rows = await db().$queryRaw<Row[]>`
    SELECT ${RESULT_COLUMNS}, ARRAY(SELECT unnest(d.services) INTERSECT SELECT unnest(${services}::text[])) AS "sharedServices"
    FROM ${visibleDocumentsFrom()}
    WHERE ${Prisma.join(
      [...visibleDocumentsWhere(actor), Prisma.sql`d."teamId" <> ALL(${teams}::text[])`, Prisma.sql`d.services && ${services}::text[]`],
      " AND ",
    )}
    ORDER BY d."publishedAt" DESC, d."reviewId" DESC
    LIMIT ${limit}`;
  return { services, items: rows.map((r) => ({ ...toResult(r), sharedServices: r.sharedServices })) };
}

export type SimilarReviews = Awaited<ReturnType<typeof computeSimilar>>;
