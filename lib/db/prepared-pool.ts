/**
 * A small `pg` pool beside Prisma's, for a hot read that is one SELECT: the statement goes
 * straight through `pg` (no query compiler, no transaction) and is prepared on its connection,
 * so PostgreSQL parses it once and can reuse its plan. Each pool's sessions start with their own
 * settings (e.g. planner switches) without them reaching any other query. The embedded PGlite
 * serves every connection from one session, where such settings would reach every other query
 * and preparing buys nothing: there `query` calls the caller's Prisma fallback instead.
 *
 * Rows come back as Prisma's `$queryRaw` gives them for text, arrays and DateTime columns
 * (timestamps without time zone read as UTC); bigint columns as strings.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/client";

const TIMESTAMP = 1114; // timestamp without time zone: Prisma's DateTime columns, in UTC
const utcTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP && format !== "binary" ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export type PreparedPoolOptions = {
  /** Names the pool's statements (`<label>_<hash of the text>`) in pg_prepared_statements. */
  label: string;
  /** Session settings every connection starts with, e.g. `{ plan_cache_mode: "force_generic_plan" }`. */
  settings: Record<string, string>;
  /**
   * How many different statement texts (shapes: which filters are present, the role…) are
   * prepared on each connection. A connection never forgets a prepared statement and each keeps
   * its plan in the database backend, so shapes are capped: the first ones this process meets
   * (the common ones come first and most often) stay prepared; later shapes are sent unnamed,
   * parsed and planned each time.
   */
  maxShapes: number;
};

export class PreparedPool {
  private opening: Promise<pg.Pool | null> | undefined;
  private readonly shapes = new Set<string>();

  constructor(readonly options: PreparedPoolOptions) {}

  /** How many statement shapes this process has prepared so far (tests). */
  get preparedShapes(): number {
    return this.shapes.size;
  }

  /** The name to prepare `text` under, or undefined once maxShapes others have names. */
  private statementName(text: string): string | undefined {
    const name = `${this.options.label}_${createHash("sha1").update(text).digest("base64url")}`;
    if (this.shapes.has(name)) return name;
    if (this.shapes.size >= this.options.maxShapes) return undefined;
    this.shapes.add(name);
    return name;
  }

  private pool(): Promise<pg.Pool | null> {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start Debrief with `npm start`, which provides one.");
    if (!this.opening) {
      const opening = open(connectionString, this.options.settings);
      this.opening = opening;
      opening.catch(() => {
        if (this.opening === opening) this.opening = undefined; // try again next time
      });
    }
    return this.opening;
  }

  /** Runs `sql` (one SELECT) on the pool, prepared; on the embedded database it calls `fallback` instead. */
  async query<T>(sql: Prisma.Sql, fallback: () => Promise<T[]>): Promise<T[]> {
    const pool = await this.pool();
    if (!pool) return fallback();
    // Dates as UTC wall-clock text (what Prisma stores in timestamp columns), whatever the process's TZ.
    const values = sql.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    const name = this.statementName(sql.text);
    const { rows } = await pool.query(name ? { name, text: sql.text, values } : { text: sql.text, values });
    return rows as T[];
  }

  /** Closes the pool (graceful shutdown, tests); it reopens on the next query. */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const pool = await opening?.catch(() => null);
    await pool?.end();
  }
}

async function open(connectionString: string, settings: Record<string, string>): Promise<pg.Pool | null> {
  const probe = new pg.Client({ connectionString });
  await probe.connect();
  try {
    const { rows } = await probe.query<{ version: string }>("SELECT version() AS version");
    if (/PGlite/i.test(rows[0]?.version ?? "")) return null;
  } finally {
    await probe.end();
  }
  const max = Math.max(2, Math.ceil(Number(process.env.DATABASE_POOL_MAX ?? 10) / 2));
  const options = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  const pool = new pg.Pool({ connectionString, max, types: utcTypes, ...(options.length ? { options: options.join(" ") } : {}) });
  pool.on("error", () => {}); // an idle connection dropped by the server: the pool replaces it
  return pool;
}

/** The process's pools by label, so dev-mode module reloads and every importer share one. */
const globalForPools = globalThis as unknown as { debriefPreparedPools?: Map<string, PreparedPool> };

/** The process-wide pool for `options.label`, created on first use. */
export function preparedPool(options: PreparedPoolOptions): PreparedPool {
  const pools = (globalForPools.debriefPreparedPools ??= new Map());
  let pool = pools.get(options.label);
  if (!pool) {
    pool = new PreparedPool(options);
    pools.set(options.label, pool);
  }
  return pool;
}

/** Closes every prepared pool (graceful shutdown, tests). */
export async function closePreparedPools(): Promise<void> {
  await Promise.all([...(globalForPools.debriefPreparedPools?.values() ?? [])].map((p) => p.close().catch(() => {})));
}
