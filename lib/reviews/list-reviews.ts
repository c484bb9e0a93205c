import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { preparedPool } from "../db/prepared-pool";
import { decodeCursor, encodeCursor } from "../http/cursor";
import type { Actor, ParticipantRole, ReviewPhase, ReviewVisibility } from "../policies/types";
import { SEVERITIES } from "../incidents/create-incident";
import { PHASES } from "./lifecycle";
import { visibleReviewsSql } from "./review-scope-sql";

export const REVIEW_FILTERS = ["mine", "teams", "all"] as const;

export const listReviewsSchema = z.object({
  filter: z.enum(REVIEW_FILTERS).default("all"),
  phase: z.enum(PHASES).optional(),
  teamId: z.string().optional(),
  severity: z.enum(SEVERITIES, { error: "The severity is SEV1, SEV2, SEV3 or SEV4." }).optional(),
  q: z.string().trim().max(200).optional().describe("Words that must all appear, in any order, in the review's title or its incident's (case-insensitive)."),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type ListReviewsInput = z.output<typeof listReviewsSchema>;

type Row = {
  id: string;
  title: string;
  phase: ReviewPhase;
  visibility: ReviewVisibility;
  updatedAt: Date;
  phaseChangedAt: Date;
  incidentId: string;
  incidentTitle: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  startedAt: Date;
  teamId: string;
  teamName: string;
  teamSlug: string;
  facilitatorId: string | null;
  facilitatorName: string | null;
  facilitatorEmail: string | null;
  myRole: ParticipantRole | null;
  participantCount: number;
};

/**
 * The list's statements are prepared (lib/db/prepared-pool.ts): parsed once per connection, and
 * PostgreSQL's default plan cache mode decides per shape whether one generic plan serves every
 * actor and cursor. It does where that plan is as good ("Everything", most "Mine" and "My teams"
 * pages: ~0.6 ms of planning saved a page) and keeps planning each time where the actor's own
 * numbers matter (a heavy participant's later "Mine" pages, where a generic plan would sort
 * every review they take part in: ~18 ms instead of ~1.5). Forcing generic plans would be wrong
 * there; tests/bench/notes.md has the measurements.
 */
export const listPool = () => preparedPool({ label: "list", settings: {}, maxShapes: 32 });

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
/** The words of a search (at most eight: more narrow nothing down and only lengthen the query). */
const searchWords = (q: string | undefined) => (q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);

/** What the list's statement needs: the input with the cursor decoded. */
export type ListReviewsQuery = Omit<ListReviewsInput, "cursor"> & { after?: { at: Date; id: string } | null };

/**
 * The list's one statement: the reviews `actor` may see, filtered, most recently active first,
 * `limit + 1` rows after the keyset cursor (the extra row says whether there is a next page).
 * The limit is written into the text (a validated integer), so a prepared statement's generic
 * plan knows it is a short read in `updatedAt` order.
 */
export function listReviewsSql(actor: Actor, input: ListReviewsQuery): Prisma.Sql {
  const teams = Object.keys(actor.teams);
  const conditions: Prisma.Sql[] = [visibleReviewsSql(actor)];
  if (input.filter === "mine") conditions.push(Prisma.sql`me.id IS NOT NULL`);
  if (input.filter === "teams") conditions.push(Prisma.sql`i."teamId" = ANY(${teams}::text[])`);
  if (input.phase) conditions.push(Prisma.sql`r.phase = ${input.phase}::"ReviewPhase"`);
  if (input.teamId) conditions.push(Prisma.sql`i."teamId" = ${input.teamId}`);
  if (input.severity) conditions.push(Prisma.sql`i.severity = ${input.severity}::"Severity"`);
  // Every word typed, in any order, in the review's title or its incident's.
  for (const word of searchWords(input.q)) {
    const like = `%${escapeLike(word)}%`;
    conditions.push(Prisma.sql`(r.title ILIKE ${like} OR i.title ILIKE ${like})`);
  }
  const after = input.after;
  if (after) conditions.push(Prisma.sql`(r."updatedAt" < ${after.at} OR (r."updatedAt" = ${after.at} AND r.id < ${after.id}))`);
  const limit = Math.trunc(input.limit) + 1;
  if (!Number.isSafeInteger(limit) || limit < 2) throw new Error(`listReviewsSql: bad limit ${input.limit}`);
  return Prisma.sql`
    SELECT r.id, r.title, r.phase::text AS phase, r.visibility::text AS visibility, r."updatedAt", r."phaseChangedAt",
           i.id AS "incidentId", i.title AS "incidentTitle", i.severity::text AS severity, i."startedAt",
           t.id AS "teamId", t.name AS "teamName", t.slug AS "teamSlug",
           fu.id AS "facilitatorId", fu.name AS "facilitatorName", fu.email AS "facilitatorEmail",
           me.role::text AS "myRole",
           (SELECT count(*)::int FROM "ReviewParticipant" c WHERE c."reviewId" = r.id) AS "participantCount"
    FROM "Review" r
    JOIN "Incident" i ON i.id = r."incidentId"
    JOIN "Team" t ON t.id = i."teamId"
    LEFT JOIN "ReviewParticipant" me ON me."reviewId" = r.id AND me."userId" = ${actor.id}
    LEFT JOIN LATERAL (
      SELECT p."userId" FROM "ReviewParticipant" p WHERE p."reviewId" = r.id AND p.role = 'FACILITATOR' ORDER BY p."createdAt" LIMIT 1
    ) f ON TRUE
    LEFT JOIN "User" fu ON fu.id = f."userId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY r."updatedAt" DESC, r.id DESC
    LIMIT ${Prisma.raw(String(limit))}`;
}

/**
 * Reviews the actor may see — "mine" (taking part), "teams" (owned by my teams) or "all" —
 * most recently active first, keyset-paginated so a page costs the same however many exist.
 * The busiest page of the app, so it is one SQL query (scoped by visibleReviewsSql).
 */
export async function listReviews(actor: Actor, input: ListReviewsInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const sql = listReviewsSql(actor, { ...input, after });
  const rows = await listPool().query(sql, () => db().$queryRaw<Row[]>(sql));
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      phase: r.phase,
      visibility: r.visibility,
      updatedAt: new Date(r.updatedAt),
      phaseChangedAt: new Date(r.phaseChangedAt),
      incident: {
        id: r.incidentId,
        title: r.incidentTitle,
        severity: r.severity,
        startedAt: new Date(r.startedAt),
        team: { id: r.teamId, name: r.teamName, slug: r.teamSlug },
      },
      facilitator: r.facilitatorId ? { id: r.facilitatorId, name: r.facilitatorName, email: r.facilitatorEmail! } : null,
      myRole: r.myRole,
      participantCount: Number(r.participantCount),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(new Date(last.updatedAt), last.id) : null,
  };
}

export type ReviewListItem = Awaited<ReturnType<typeof listReviews>>["items"][number];
