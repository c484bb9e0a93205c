/**
 * Library search statements want the GIN index every time (lib/library/search-library.ts:
 * SEARCH_PLANNER_SETTING explains why the planner must be told). Telling it per search took a
 * transaction — BEGIN, the setting, the query, COMMIT: four round trips through Prisma for one
 * statement. On PostgreSQL this small pool's sessions start with sequential and plain index scans
 * off, so a search is one statement sent straight through `pg`; and each statement is prepared on
 * its connection and planned once, generically (`plan_cache_mode`), instead of being parsed and
 * planned again for every search — searchLibraryQuery is written for that plan. The embedded
 * PGlite serves every connection from one session, where such settings would reach every other
 * query: there the search keeps its transaction.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/client";

const TIMESTAMP = 1114; // timestamp without time zone: Prisma's DateTime columns, in UTC
const utcTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP && format !== "binary" ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** The settings every session of the pool starts with (the benchmark's EXPLAIN sets the same). */
export const SEARCH_SESSION_SETTINGS = { enable_seqscan: "off", enable_indexscan: "off", plan_cache_mode: "force_generic_plan" } as const;

/** The pool once opened; null on the embedded database. `debriefSearchShapes`: the statement names that are prepared. */
const globalForSearch = globalThis as unknown as { debriefSearchPool?: Promise<pg.Pool | null>; debriefSearchShapes?: Set<string> };

/**
 * How many different statements (shapes of search: filters present, sort, role) are prepared on
 * each connection. A prepared search keeps ~650 KB of plan in its database backend, and a
 * connection never forgets one, so the shapes are capped: the first ones this process meets (the
 * plain searches come first and most often) stay prepared; any later shape is planned each time.
 */
export const PREPARED_SEARCH_SHAPES = 24;

/** How many statement shapes this process has prepared so far (tests). */
export const preparedSearchShapes = (): number => globalForSearch.debriefSearchShapes?.size ?? 0;

/** The name to prepare `text` under, or undefined once PREPARED_SEARCH_SHAPES others have names. */
function statementName(text: string): string | undefined {
  const shapes = (globalForSearch.debriefSearchShapes ??= new Set());
  const name = `search_${createHash("sha1").update(text).digest("base64url")}`;
  if (shapes.has(name)) return name;
  if (shapes.size >= PREPARED_SEARCH_SHAPES) return undefined;
  shapes.add(name);
  return name;
}

async function open(connectionString: string, settings: string): Promise<pg.Pool | null> {
  const probe = new pg.Client({ connectionString });
  await probe.connect();
  try {
    const { rows } = await probe.query<{ version: string }>("SELECT version() AS version");
    if (/PGlite/i.test(rows[0]?.version ?? "")) return null;
  } finally {
    await probe.end();
  }
  const max = Math.max(2, Math.ceil(Number(process.env.DATABASE_POOL_MAX ?? 10) / 2));
  const pool = new pg.Pool({ connectionString, max, options: settings, types: utcTypes });
  pool.on("error", () => {}); // an idle connection dropped by the server: the pool replaces it
  return pool;
}

/**
 * Runs `sql` (one SELECT) with only bitmap scans left to the planner; on the embedded database it
 * calls `inTransaction` instead (which sets the same for its own transaction). Rows come back as
 * Prisma's `$queryRaw` gives them for text, arrays and DateTime columns; bigint columns as strings.
 */
export async function queryWithBitmapScansOnly<T>(sql: Prisma.Sql, inTransaction: () => Promise<T[]>): Promise<T[]> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Debrief with `npm start`, which provides one.");
  if (!globalForSearch.debriefSearchPool) {
    const settings = Object.entries(SEARCH_SESSION_SETTINGS).map(([name, value]) => `-c ${name}=${value}`);
    const opening = open(connectionString, settings.join(" "));
    globalForSearch.debriefSearchPool = opening;
    opening.catch(() => {
      if (globalForSearch.debriefSearchPool === opening) globalForSearch.debriefSearchPool = undefined; // try again next time
    });
  }
  const pool = await globalForSearch.debriefSearchPool;
  if (!pool) return inTransaction();
  // Dates as UTC wall-clock text (what Prisma stores in timestamp columns), whatever the process's TZ.
  const values = sql.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  // Prepared once per connection and statement text (a shape of search: filters, sort, role), and
  // planned once: a generic plan, which the statement is written for (see searchLibraryQuery).
  // Past the cap a shape is sent unnamed: the same generic plan, made again for each search.
  const name = statementName(sql.text);
  const { rows } = await pool.query(name ? { name, text: sql.text, values } : { text: sql.text, values });
  return rows as T[];
}

/** Closes the search pool (graceful shutdown, tests). */
export async function closeSearchPool(): Promise<void> {
  const opening = globalForSearch.debriefSearchPool;
  globalForSearch.debriefSearchPool = undefined;
  const pool = await opening?.catch(() => null);
  await pool?.end();
}
