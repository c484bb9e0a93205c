/**
 * Applies committed Prisma migrations in-process (faster at start-up than `prisma migrate deploy`,
 * which lingers ~10 s), recording them in Prisma's own `_prisma_migrations` table so the Prisma
 * CLI agrees about what is applied. Each migration runs in one transaction, under an advisory lock
 * held for the whole run, so several instances starting together apply it once.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
const LOCK_KEY = 724_311_001;

export type Migration = { name: string; sql: string; checksum: string };

/** The committed migrations, in the order Prisma applies them (folder name order). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function appliedNames(client: pg.Client): Promise<Set<string>> {
  const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return new Set();
  const res = await client.query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(res.rows.map((r) => r.migration_name as string));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(databaseUrl: string, onProgress?: (name: string) => void): Promise<string[]> {
  const migrations = await readMigrations();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  await client.connect();
  const applied: string[] = [];
  try {
    // One migrator at a time across instances (even CREATE TABLE IF NOT EXISTS races in PostgreSQL).
    await client.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    await client.query(CREATE_TABLE);
    for (const m of migrations) {
      await client.query("BEGIN");
      try {
        if ((await appliedNames(client)).has(m.name)) {
          await client.query("COMMIT");
          continue;
        }
        onProgress?.(m.name);
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => {});
    await client.end().catch(() => {});
  }
  return applied;
}

/** Names of committed migrations that the database has not applied (for readiness checks). */
export async function pendingMigrations(query: (sql: string) => Promise<{ migration_name: string }[]>): Promise<string[]> {
  const migrations = await readMigrations();
  const rows = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return migrations.map((m) => m.name).filter((n) => !done.has(n));
}
