/**
 * The database a benchmark runs against, always fresh so benches never touch real data: a new
 * database on DATABASE_URL's server (dropped afterwards), otherwise an embedded PGlite in a
 * temporary data folder (deleted afterwards).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "../../lib/db/embedded";
import type { DatabaseKind } from "./types";

export type BenchDatabase = {
  kind: DatabaseKind;
  /** DEBRIEF_DATA_DIR for the servers (the embedded database lives in `<dataDir>/pglite`). */
  dataDir: string;
  /** DATABASE_URL for the servers; empty for the embedded database. */
  serverUrl: string;
  /** Runs `fn` with a connection string to the database. For the embedded one no server may be running. */
  withConnection: <T>(fn: (url: string) => Promise<T>) => Promise<T>;
  drop: () => Promise<void>;
};

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "debrief-bench-"));
  if (!serverUrl) {
    return {
      kind: "embedded",
      dataDir,
      serverUrl: "",
      async withConnection(fn) {
        const embedded = await startEmbeddedDatabase(path.join(dataDir, "pglite"));
        try {
          return await fn(embedded.url);
        } finally {
          await embedded.stop();
        }
      },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `debrief_bench_${Date.now()}_${Math.random().toString(36).slice(2, 7)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    kind: "postgresql",
    dataDir,
    serverUrl: url,
    withConnection: (fn) => fn(url),
    async drop() {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `SELECT version()`, shortened to the product and version. */
export async function databaseVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version() AS version");
    return (rows[0]?.version ?? "unknown").split(" on ")[0]!.split(",")[0]!;
  } finally {
    await client.end();
  }
}
