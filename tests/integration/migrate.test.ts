import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("migrate");
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

describe("in-process migrations", () => {
  it("record every committed migration in Prisma's table with Prisma's checksum, and apply each once", async () => {
    expect(await migrate(database.url)).toEqual([]); // createTestDatabase already migrated
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(dir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("run safely when two instances start together", async () => {
    const fresh = await createTestDatabase("migrate2");
    try {
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      await client.query(`DELETE FROM "_prisma_migrations"`);
      await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      await client.end();
      const results = await Promise.all([migrate(fresh.url), migrate(fresh.url)]);
      expect(results.flat().length).toBeGreaterThan(0);
      const c2 = new pg.Client({ connectionString: fresh.url });
      await c2.connect();
      const { rows } = await c2.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`);
      await c2.end();
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await fresh.drop();
    }
  });
});
