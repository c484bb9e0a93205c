/**
 * A fresh, migrated database for a test run: a new database on TEST_DATABASE_URL's server when
 * that is set (dropped afterwards), otherwise an embedded PGlite in a temporary folder.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export type TestDatabase = { url: string; kind: "postgresql" | "embedded"; drop: () => Promise<void> };

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `debrief_${label}_${Date.now()}_${Math.random().toString(36).slice(2, 7)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    const url = u.toString();
    await migrate(url);
    return {
      url,
      kind: "postgresql",
      async drop() {
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `debrief-${label}-`));
  const embedded = await startEmbeddedDatabase(path.join(dir, "pglite"));
  await migrate(embedded.url);
  return {
    url: embedded.url,
    kind: "embedded",
    async drop() {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
