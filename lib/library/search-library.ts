import { z } from "zod";
import { db } from "../db/client";
import { queryWithBitmapScansOnly } from "../db/search-pool";
import { Prisma } from "../db/generated/client";
import { FINDING_CATEGORIES } from "../findings/categories";
import type { Actor } from "../policies/types";
import { HEADLINE_OPTIONS, plainSnippet, snippetParts, TITLE_HEADLINE_OPTIONS } from "./highlight";
import { RESULT_COLUMNS, toResult, visibleDocumentsFrom, visibleDocumentsWhere, type ResultRow } from "./library-sql";
import { MARK_START, wellFormed } from "./search-document";

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
  // The team by its slug once (an InitPlan), not a join of Team into every branch of candidates.
  if (input.team) c.push(Prisma.sql`d."teamId" = (SELECT id FROM "Team" WHERE slug = ${input.team})`);
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
 * Counts stop here, and a relevance search ranks at most this many matches: beyond it the library
 * says "1,000+" (`totalCapped`), and ranking every match of a word in a fifth of the library would
 * cost more than everything else the search does (each match's row must be read and ranked).
 */
export const MATCH_CAP = 1_000;

/**
 * The periods a relevance search takes its candidates from, newest first: matches published in the
 * last 92 days, then the rest of the last year, then older ones, until MATCH_CAP + 1 are found.
 * Each period is its own bitmap scan of the GIN index, read only when the newer ones held fewer
 * than the cap — so a common word ranks (about) its 1,000 most recent matches, never all.
 */
export const CANDIDATE_PERIOD_DAYS = [92, 366] as const;

/** Characters of text around the first match ts_headline is given for a snippet (see `snippetJoin`). */
const SNIPPET_WINDOW = 360;
const SNIPPET_LEAD = 100;

/**
 * Set for a text search's statement (lib/db/search-pool.ts: for the session of a small pool on
 * PostgreSQL, for its own transaction on the embedded database): always take the GIN index. The
 * planner costs `search @@ query` as cheap on every row, but each row's vector lives out of line
 * and must be fetched to test it; for a word in a fifth of the library it would otherwise scan the
 * whole table (or walk a b-tree index over it) and read 20,000 vectors instead of asking the GIN
 * index for the 4,000 that match. Only bitmap scans are left, which is what the index gives.
 */
export const SEARCH_PLANNER_SETTING = "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)";

/**
 * The highlighted snippet of `d` (its summary and body) as `sn.snippet`, a LATERAL join. ts_headline
 * parses and stems every word of the text it is given (~3 KB a review: a third of a millisecond
 * each), so it is given a window of SNIPPET_WINDOW characters from just before the first word that
 * starts with one of the query's lexemes, cut at whole words. It is given the whole text, as
 * before, when that window holds no match (a stem that is not a prefix of its word, as "happi" of
 * "happy"; a lexeme that only starts a longer word there) and for phrases (`<->` in the query),
 * whose words may each occur alone well before the phrase.
 */
function snippetJoin(tsquery: Prisma.Sql, q: string): Prisma.Sql {
  return Prisma.sql`
    CROSS JOIN LATERAL (SELECT d.summary || E'\n\n' || d.body AS text OFFSET 0) x
    CROSS JOIN LATERAL (
      SELECT min(p) FILTER (WHERE p > 0) AS at
      FROM unnest(tsvector_to_array(to_tsvector('english', ${q}))) AS l(lexeme),
           LATERAL regexp_instr(x.text, '\\m' || regexp_replace(l.lexeme, '([^[:alnum:]_])', '\\\\\\1', 'g'), 1, 1, 0, 'i') AS p
    ) w
    CROSS JOIN LATERAL (SELECT greatest(1, w.at - ${SNIPPET_LEAD}) AS start OFFSET 0) b
    CROSS JOIN LATERAL (
      SELECT CASE WHEN w.at IS NULL OR strpos(${tsquery}::text, '<') > 0 THEN NULL ELSE ts_headline('english',
        regexp_replace(regexp_replace(substr(x.text, b.start, ${SNIPPET_WINDOW}),
          CASE WHEN b.start > 1 THEN '^\\S*' ELSE '^$' END, ''),
          CASE WHEN b.start + ${SNIPPET_WINDOW} <= length(x.text) THEN '\\S*$' ELSE '^$' END, ''),
        ${tsquery}, ${HEADLINE_OPTIONS}) END AS marked OFFSET 0
    ) h
    CROSS JOIN LATERAL (
      SELECT CASE WHEN strpos(h.marked, ${MARK_START}) > 0 THEN h.marked ELSE ts_headline('english', x.text, ${tsquery}, ${HEADLINE_OPTIONS}) END AS snippet
    ) sn`;
}

/** `cap`: MATCH_CAP unless a test says otherwise; `now`: where the candidate periods end. */
export type SearchOptions = { cap?: number; now?: Date };

/**
 * The search as one SQL statement (exported for the benchmark's EXPLAIN ANALYZE). Written to be
 * planned once and reused for every word (a generic plan, lib/db/search-pool.ts): every branch is
 * a bitmap scan of the GIN index (ANDed with the publishedAt index for the recent periods), the
 * reader's participations a hashed subplan, and the text query an InitPlan — the same plan that
 * estimates from the word would pick for a common word, without planning each search (a third of
 * a common word's database time, two thirds of a rare word's).
 */
export function searchLibraryQuery(actor: Actor, input: SearchLibraryInput, options: SearchOptions = {}) {
  const now = options.now ?? new Date();
  const q = input.q;
  const sort = input.sort === "relevance" && !q ? "newest" : (input.sort ?? (q ? "relevance" : "newest"));
  // The query parsed once per statement (an InitPlan), not once per ranked row: on PostgreSQL the
  // statement runs with a generic plan (lib/db/search-pool.ts), where `q` is a parameter, so
  // websearch_to_tsquery('english', $n) could not be folded to a constant and would parse the
  // words again for each of up to MATCH_CAP candidates.
  const tsquery = Prisma.sql`(SELECT websearch_to_tsquery('english', ${q}::text))`;
  const where = [...visibleDocumentsWhere(actor), ...filterConditions(input)];
  if (q) where.push(Prisma.sql`d.search @@ ${tsquery}`);
  const from = visibleDocumentsFrom({ team: false });
  const matching = Prisma.join(where, " AND ");
  const offset = (input.page - 1) * input.limit;
  const cap = (options.cap ?? MATCH_CAP) + 1;
  // Pages end with the cap's last match (what the total says there is), whatever the sort.
  const pageSize = Math.max(0, Math.min(input.limit, cap - 1 - offset));
  const order = (p: "" | "page.") =>
    Prisma.raw(
      sort === "relevance"
        ? `${p}rank DESC, ${p}"publishedAt" DESC, ${p}id DESC`
        : sort === "newest"
          ? `${p}"publishedAt" DESC, ${p}id DESC`
          : `${p}"publishedAt" ASC, ${p}id ASC`,
    );
  let ctes: Prisma.Sql;
  if (sort === "relevance") {
    // Candidates: up to cap matches, newest period first (each a bitmap scan of the GIN index), ranked on their small vector.
    const bounds = CANDIDATE_PERIOD_DAYS.map((days) => new Date(now.getTime() - days * 86_400_000));
    const periods = [
      Prisma.sql`d."publishedAt" >= ${bounds[0]}`,
      ...bounds.slice(1).map((b, i) => Prisma.sql`d."publishedAt" < ${bounds[i]} AND d."publishedAt" >= ${b}`),
      // The oldest period is a filter, not a second index: reached when the newer ones hold fewer than
      // the cap (a rare word, nearly always), its matches are few or come first in the table anyway,
      // and walking the publishedAt index over most of the library would cost more than they do.
      Prisma.sql`(d."publishedAt" + interval '0 days') < ${bounds[bounds.length - 1]}`,
    ];
    const branches = periods.map(
      (period) => Prisma.sql`(SELECT d."reviewId" AS id, d."publishedAt", ts_rank_cd(d."rankVector", ${tsquery}) AS rank FROM ${from} WHERE ${matching} AND ${period})`,
    );
    ctes = Prisma.sql`
      matches AS MATERIALIZED (SELECT u.*, row_number() OVER () AS n FROM (${Prisma.join(branches, " UNION ALL ")} LIMIT ${cap}) u),
      total AS (SELECT count(*) AS n FROM matches),
      page AS (SELECT id, "publishedAt", rank FROM matches WHERE n < ${cap} ORDER BY ${order("")} LIMIT ${pageSize} OFFSET ${offset})`;
  } else {
    // By date: the page straight from the matches in order (the publishedAt index when browsing); the count stops at the cap.
    ctes = Prisma.sql`
      total AS (SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${matching} LIMIT ${cap}) m),
      page AS (SELECT d."reviewId" AS id, d."publishedAt", 0::real AS rank FROM ${from} WHERE ${matching} ORDER BY ${order("")} LIMIT ${pageSize} OFFSET ${offset})`;
  }
  // A row for the total even when the page is past the last match: the page's rows LEFT JOINed to it.
  const sql = Prisma.sql`
    WITH ${ctes}
    SELECT ${RESULT_COLUMNS}, page.rank, total.n AS total,
           ${q ? Prisma.sql`sn.snippet` : Prisma.sql`NULL::text`} AS snippet,
           ${q ? Prisma.sql`ts_headline('english', d.title, ${tsquery}, ${TITLE_HEADLINE_OPTIONS})` : Prisma.sql`NULL::text`} AS "titleMarked"
    FROM total LEFT JOIN (page JOIN "ReviewSearchDocument" d ON d."reviewId" = page.id JOIN "Team" t ON t.id = d."teamId" ${q ? snippetJoin(tsquery, q) : Prisma.empty}) ON TRUE
    ORDER BY ${order("page.")}`;
  return { sql, sort, cap: cap - 1 };
}

/**
 * Searches the published reviews the actor may read: PostgreSQL full-text search
 * (websearch_to_tsquery, which accepts any input) on the GIN-indexed search documents, ranked by
 * ts_rank_cd over the ranking vector (title, summary, findings — lib/library/search-document.ts),
 * then newest first, with highlighted snippets (ts_headline) for the page's results only. Visibility is
 * applied in SQL with the same rule as everywhere else, so nothing the reader may not see is ever
 * counted or returned; the documents hold published content only, never accounts.
 *
 * Bounded work whatever the query: the total is exact up to MATCH_CAP and "MATCH_CAP+" beyond
 * (`totalCapped`), and relevance ranks the MATCH_CAP most recent matches or so (by period,
 * CANDIDATE_PERIOD_DAYS), not every match of a word that is in most reviews; pages reach as far.
 */
export async function searchLibrary(actor: Actor, input: SearchLibraryInput, options: SearchOptions = {}) {
  const { sql, sort, cap } = searchLibraryQuery(actor, input, options);
  const q = input.q;
  const all = q
    ? await queryWithBitmapScansOnly<Row>(sql, async () => (await db().$transaction([db().$queryRawUnsafe(SEARCH_PLANNER_SETTING), db().$queryRaw<Row[]>(sql)]))[1])
    : await db().$queryRaw<Row[]>(sql);
  const counted = Number(all[0]?.total ?? 0);
  const rows = all.filter((r) => r.id !== null);
  const totalCapped = counted > cap;
  const total = Math.min(counted, cap);
  return {
    query: q,
    sort,
    page: input.page,
    limit: input.limit,
    total,
    totalCapped,
    pages: Math.max(1, Math.ceil(total / input.limit)),
    items: rows.map((r) => ({
      ...toResult(r),
      rank: q ? Number(r.rank) : null,
      titleParts: r.titleMarked ? snippetParts(r.titleMarked) : [{ text: r.title, match: false }],
      snippet: r.snippet ? snippetParts(r.snippet) : plainSnippet(r.summary),
    })),
  };
}

export type LibrarySearch = Awaited<ReturnType<typeof searchLibrary>>;
export type LibrarySearchItem = LibrarySearch["items"][number];
