import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { FINDING_CATEGORIES } from "../findings/categories";
import type { Actor } from "../policies/types";
import { HEADLINE_OPTIONS, plainSnippet, snippetParts, TITLE_HEADLINE_OPTIONS } from "./highlight";
import { RESULT_COLUMNS, toResult, visibleDocumentsFrom, visibleDocumentsWhere, type ResultRow } from "./library-sql";
import { wellFormed } from "./search-document";

export const QUERY_MAX = 200;
export const SORTS = ["relevance", "newest", "oldest"] as const;
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const EARLIEST = "1970-01-01";
const LATEST = "2100-12-31";

/**
 * A search query as searched: control characters and our highlight markers become spaces, runs of
 * space collapse, and anything past QUERY_MAX characters is cut (at a word when there is one).
 * Never fails: whatever people type or paste is searched, or finds nothing.
 */
export function normaliseQuery(raw: string): string {
  const clean = wellFormed(raw)
    .replace(/[\u0000-\u001F\u007F\uE000\uE001\uFFFE\uFFFF]/g, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= QUERY_MAX) return clean;
  const cut = chars.slice(0, QUERY_MAX).join("");
  const space = cut.lastIndexOf(" ");
  return (space > QUERY_MAX / 2 ? cut.slice(0, space) : cut).trim();
}

/** "" (an empty form field) is no filter; text is made well-formed (no lone surrogates) before it is checked. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : typeof v === "string" ? wellFormed(v) : v), schema.optional());

const date = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as YYYY-MM-DD, e.g. 2026-03-01.`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${what[0]!.toUpperCase()}${what.slice(1)} is not a calendar date.`)
    .refine((s) => s >= EARLIEST && s <= LATEST, `${what[0]!.toUpperCase()}${what.slice(1)} must be between ${EARLIEST} and ${LATEST}.`);

export const searchLibrarySchema = z
  .object({
    q: z
      .string()
      .optional()
      .transform((q) => normaliseQuery(q ?? ""))
      .describe(
        `Words to find, in web-search syntax: "quoted phrase", -excluded, or. Any text is accepted; longer queries are cut to ${QUERY_MAX} characters. Empty: browse.`,
      ),
    team: optional(z.string().trim().max(100)).describe("The owning team's slug, e.g. payments."),
    service: optional(z.string().trim().max(200)).describe("An affected service, e.g. checkout-api."),
    severity: optional(z.enum(SEVERITIES, { error: "The severity is SEV1, SEV2, SEV3 or SEV4." })),
    category: optional(z.enum(FINDING_CATEGORIES, { error: `The finding category is one of ${FINDING_CATEGORIES.join(", ")}.` })).describe(
      "Reviews with at least one finding in this category.",
    ),
    tag: optional(z.string().trim().max(100)).describe("A tag, e.g. tls."),
    from: optional(date("the start date")).describe("Incidents that started on or after this day (YYYY-MM-DD, UTC)."),
    to: optional(date("the end date")).describe("Incidents that started on or before this day (YYYY-MM-DD, UTC)."),
    sort: optional(z.enum(SORTS, { error: "Sort by relevance, newest or oldest." })).describe("relevance (the default with a query), newest or oldest (by publication)."),
    page: z.coerce.number({ error: "The page is a number." }).int("The page is a whole number.").min(1, "Pages start at 1.").max(100, "At most page 100: narrow the search instead.").default(1),
    limit: z.coerce.number({ error: "The limit is a number." }).int().min(1).max(50, "At most 50 a page.").default(10),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "The start date must be on or before the end date.", path: ["from"] });

export type SearchLibraryInput = z.output<typeof searchLibrarySchema>;

/** The filter conditions of a search (besides visibility and the text query). */
function filterConditions(input: SearchLibraryInput): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (input.team) c.push(Prisma.sql`t.slug = ${input.team}`);
  if (input.service) c.push(Prisma.sql`${input.service} = ANY(d.services)`);
  if (input.severity) c.push(Prisma.sql`d.severity = ${input.severity}`);
  if (input.category) c.push(Prisma.sql`${input.category} = ANY(d.categories)`);
  if (input.tag) c.push(Prisma.sql`${input.tag.toLowerCase()} = ANY(d.tags)`);
  if (input.from) c.push(Prisma.sql`d."incidentAt" >= ${new Date(`${input.from}T00:00:00.000Z`)}`);
  if (input.to) c.push(Prisma.sql`d."incidentAt" < ${new Date(new Date(`${input.to}T00:00:00.000Z`).getTime() + 86_400_000)}`);
  return c;
}

type Row = ResultRow & { rank: number; total: bigint | number; snippet: string | null; titleMarked: string | null };

/**
 * Set for a text search's statement (in its own transaction): always take the GIN index. The
 * planner costs `search @@ query` as cheap on every row, but each row's vector lives out of line
 * and must be fetched to test it; for a word in a fifth of the library it would otherwise scan the
 * whole table (or walk a b-tree index over it) and read 20,000 vectors instead of asking the GIN
 * index for the 4,000 that match. Only bitmap scans are left, which is what the index gives.
 */
export const SEARCH_PLANNER_SETTING = "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)";

/** The search as one SQL statement (exported for the benchmark's EXPLAIN ANALYZE). */
export function searchLibraryQuery(actor: Actor, input: SearchLibraryInput) {
  const q = input.q;
  const sort = input.sort === "relevance" && !q ? "newest" : (input.sort ?? (q ? "relevance" : "newest"));
  const tsquery = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const where = [...visibleDocumentsWhere(actor), ...filterConditions(input)];
  if (q) where.push(Prisma.sql`d.search @@ ${tsquery}`);
  // Bare names inside the CTE (its output columns), qualified outside.
  const order = (p: "" | "page.") =>
    Prisma.raw(
      sort === "relevance"
        ? `${p}rank DESC, ${p}"publishedAt" DESC, ${p}id DESC`
        : sort === "newest"
          ? `${p}"publishedAt" DESC, ${p}id DESC`
          : `${p}"publishedAt" ASC, ${p}id ASC`,
    );
  const offset = (input.page - 1) * input.limit;
  // Rank and count every match on narrow rows; fetch what a result shows for the page only.
  const sql = Prisma.sql`
    WITH page AS (
      SELECT d."reviewId" AS id, d."publishedAt", ${q ? Prisma.sql`ts_rank_cd(d."rankVector", ${tsquery})` : Prisma.sql`0::real`} AS rank, count(*) OVER () AS total
      FROM ${visibleDocumentsFrom(actor, { team: Boolean(input.team) })}
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${order("")}
      LIMIT ${input.limit} OFFSET ${offset}
    )
    SELECT ${RESULT_COLUMNS}, page.rank, page.total,
           ${q ? Prisma.sql`ts_headline('english', d.summary || E'\n\n' || d.body, ${tsquery}, ${HEADLINE_OPTIONS})` : Prisma.sql`NULL::text`} AS snippet,
           ${q ? Prisma.sql`ts_headline('english', d.title, ${tsquery}, ${TITLE_HEADLINE_OPTIONS})` : Prisma.sql`NULL::text`} AS "titleMarked"
    FROM page JOIN "ReviewSearchDocument" d ON d."reviewId" = page.id JOIN "Team" t ON t.id = d."teamId"
    ORDER BY ${order("page.")}`;
  return { sql, sort, where, offset };
}

/**
 * Searches the published reviews the actor may read: PostgreSQL full-text search
 * (websearch_to_tsquery, which accepts any input) on the GIN-indexed search documents, ranked by
 * ts_rank_cd over the ranking vector (title, summary, findings — lib/library/search-document.ts),
 * then newest first, with highlighted snippets (ts_headline) for the page's results only. Visibility is
 * applied in SQL with the same rule as everywhere else, so nothing the reader may not see is ever
 * counted or returned; the documents hold published content only, never accounts.
 */
export async function searchLibrary(actor: Actor, input: SearchLibraryInput) {
  const { sql, sort, where, offset } = searchLibraryQuery(actor, input);
  const q = input.q;
  const rows = q
    ? await db().$transaction(async (tx) => {
        await tx.$queryRawUnsafe(SEARCH_PLANNER_SETTING);
        return tx.$queryRaw<Row[]>(sql);
      })
    : await db().$queryRaw<Row[]>(sql);
  const total = rows.length ? Number(rows[0]!.total) : offset > 0 ? await countOnly(actor, where) : 0;
  return {
    query: q,
    sort,
    page: input.page,
    limit: input.limit,
    total,
    pages: Math.max(1, Math.ceil(total / input.limit)),
    items: rows.map((r) => ({
      ...toResult(r),
      rank: q ? Number(r.rank) : null,
      titleParts: r.titleMarked ? snippetParts(r.titleMarked) : [{ text: r.title, match: false }],
      snippet: r.snippet ? snippetParts(r.snippet) : plainSnippet(r.summary),
    })),
  };
}

/** The number of matches when the page asked for is past the last one. */
async function countOnly(actor: Actor, where: Prisma.Sql[]): Promise<number> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${visibleDocumentsFrom(actor)} WHERE ${Prisma.join(where, " AND ")}`;
  return Number(row?.n ?? 0);
}

export type LibrarySearch = Awaited<ReturnType<typeof searchLibrary>>;
export type LibrarySearchItem = LibrarySearch["items"][number];
