/**
 * The embedded database's wire server must keep concurrent clients apart: interleaved
 * extended-protocol exchanges, open transactions and dropped connections.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";

let dir: string;
let database: EmbeddedDatabase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "debrief-pglite-"));
  database = await startEmbeddedDatabase(path.join(dir, "db"));
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  await c.query("CREATE TABLE counter (id int primary key, n int not null)");
  await c.query("INSERT INTO counter VALUES (1, 0)");
  await c.end();
}, 60_000);

afterAll(async () => {
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("embedded PGlite wire server", () => {
  it("answers many concurrent parameterised queries from separate connections correctly", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        pool.query("SELECT $1::int * 2 AS doubled, $2::text AS label, $3::int + $4::int AS sum", [i, `q${i}`, i, 1]).then((r) => r.rows[0]),
      ),
    );
    results.forEach((row, i) => expect(row).toEqual({ doubled: i * 2, label: `q${i}`, sum: i + 1 }));
    await pool.end();
  });

  it("keeps transactions of different connections apart", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 6 });
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query("SELECT n FROM counter WHERE id = $1", [1]);
          await client.query("UPDATE counter SET n = $1 WHERE id = $2", [rows[0].n + 1, 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query("SELECT n FROM counter WHERE id = 1");
    expect(rows[0].n).toBe(30);
    await pool.end();
  });

  it("rolls back the transaction of a client that disconnects, and serves the others", async () => {
    const a = new pg.Client({ connectionString: database.url });
    a.on("error", () => {}); // its connection is cut on purpose below
    await a.connect();
    await a.query("BEGIN");
    await a.query("UPDATE counter SET n = -1 WHERE id = 1");
    const b = new pg.Client({ connectionString: database.url });
    await b.connect();
    const waiting = b.query("SELECT n FROM counter WHERE id = $1", [1]);
    (a as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    const { rows } = await waiting;
    expect(rows[0].n).not.toBe(-1);
    await b.end();
  });

  it("reports errors to the client that caused them and keeps its connection usable", async () => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    await expect(c.query("SELECT * FROM no_such_table WHERE id = $1", [1])).rejects.toThrow(/no_such_table/);
    await expect(c.query("SELECT $1::int AS one", [1])).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await c.end();
  });
});
