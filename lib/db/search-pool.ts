/**
 * Library search statements want the GIN index every time (lib/library/search-library.ts:
 * SEARCH_PLANNER_SETTING explains why the planner must be told). Telling it per search took a
 * transaction — BEGIN, the setting, the query, COMMIT: four round trips through Prisma for one
 * statement. On PostgreSQL this small pool's sessions start with sequential and plain index scans
 * off, so a search is one statement sent straight through `pg`; and each statement is prepared on
 * its connection and planned once, generically (`plan_cache_mode`), instead of being parsed and
 * planned again for every search — searchLibraryQuery is written for that plan. The embedded
 * PGlite serves every connection from one session, where such settings would reach every other
 * query: there the search keeps its transaction (lib/db/prepared-pool.ts).
 */
import type { Prisma } from "./generated/client";
import { preparedPool } from "./prepared-pool";

/** The settings every session of the pool starts with (the benchmark's EXPLAIN sets the same). */
export const SEARCH_SESSION_SETTINGS = { enable_seqscan: "off", enable_indexscan: "off", plan_cache_mode: "force_generic_plan" } as const;

/**
 * How many different statements (shapes of search: filters present, sort, role) are prepared on
 * each connection. A prepared search keeps ~650 KB of plan in its database backend, so the
 * first 24 shapes this process meets stay prepared and later ones are planned each time.
 */
export const PREPARED_SEARCH_SHAPES = 24;

const searchPool = () => preparedPool({ label: "search", settings: SEARCH_SESSION_SETTINGS, maxShapes: PREPARED_SEARCH_SHAPES });

/** How many statement shapes this process has prepared so far (tests). */
export const preparedSearchShapes = (): number => searchPool().preparedShapes;

/**
 * Runs `sql` (one SELECT) with only bitmap scans left to the planner; on the embedded database it
 * calls `inTransaction` instead (which sets the same for its own transaction).
 */
export function queryWithBitmapScansOnly<T>(sql: Prisma.Sql, inTransaction: () => Promise<T[]>): Promise<T[]> {
  return searchPool().query(sql, inTransaction);
}
