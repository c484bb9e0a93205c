/**
 * lib/db/search-pool.ts: on PostgreSQL, library search statements run on a small pool whose
 * sessions have sequential and plain index scans off — one statement, no transaction — without
 * that setting reaching any other query; on the embedded PGlite (one session for every
 * connection) the search keeps its own transaction instead. Timestamps go in and come out as the
 * UTC instants Prisma stores, whatever the process's timezone.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { Prisma } from "../../lib/db/generated/client";
import { PREPARED_SEARCH_SHAPES, preparedSearchShapes, queryWithBitmapScansOnly } from "../../lib/db/search-pool";

const onPostgreSQL = Boolean(process.env.TEST_DATABASE_URL);
type Row = { seq: string; idx: string; mode: string; generic: boolean; at: Date; n: string | bigint; words: string[] };

describe("the search pool", () => {
  it(onPostgreSQL ? "runs the statement with bitmap scans only, in one statement, and leaves other sessions alone" : "leaves the statement to the search's own transaction on the embedded database", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    // On PostgreSQL the statement is prepared on its connection and planned once, generically: the pool says so and the server lists it.
    const sql = Prisma.sql`SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_indexscan') AS idx,
      current_setting('plan_cache_mode') AS mode,
      EXISTS (SELECT 1 FROM pg_prepared_statements WHERE name LIKE 'search\\_%' AND generic_plans > 0 AND custom_plans = 0 AND statement LIKE '%AS words') AS generic,
      ${at}::timestamp(3) AS at, count(*) OVER () AS n, ${["a", "b"]}::text[] AS words`;
    let fellBack = 0;
    const fallback = async () => {
      fellBack++;
      const [, rows] = await db().$transaction([db().$queryRawUnsafe("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)"), db().$queryRaw<Row[]>(sql)]);
      return rows;
    };
    for (let i = 0; i < 3; i++) {
      const [row] = await queryWithBitmapScansOnly<Row>(sql, fallback);
      expect(row).toMatchObject({ seq: "off", idx: "off", words: ["a", "b"] });
      if (onPostgreSQL) expect(row).toMatchObject({ mode: "force_generic_plan", generic: true });
      expect(row!.at).toBeInstanceOf(Date);
      expect(row!.at.toISOString()).toBe(at.toISOString());
      expect(Number(row!.n)).toBe(1);
    }
    expect(fellBack).toBe(onPostgreSQL ? 0 : 3);
    // Everything else still plans as usual.
    const [other] = await db().$queryRaw<{ seq: string }[]>`SELECT current_setting('enable_seqscan') AS seq`;
    expect(other!.seq).toBe("on");
  });

  it.runIf(onPostgreSQL)("prepares at most PREPARED_SEARCH_SHAPES shapes of statement; later shapes still run, planned each time", async () => {
    const before = preparedSearchShapes();
    const left = PREPARED_SEARCH_SHAPES - before;
    const notUsed = async (): Promise<never> => {
      throw new Error("the embedded database's path is not used on PostgreSQL");
    };
    const run = async (i: number) =>
      (
        await queryWithBitmapScansOnly<{ i: number; prepared: boolean }>(
          Prisma.sql`SELECT ${i}::int AS i, EXISTS (SELECT 1 FROM pg_prepared_statements WHERE statement = current_query()) AS prepared -- shape ${Prisma.raw(String(i))}`,
          notUsed,
        )
      )[0]!;
    const shapes = [...Array(left + 3).keys()];
    const results = [];
    for (const i of shapes) results.push(await run(i));
    expect(results.map((r) => r.i)).toEqual(shapes);
    expect(results.map((r) => r.prepared)).toEqual(shapes.map((i) => i < left));
    expect(preparedSearchShapes()).toBe(PREPARED_SEARCH_SHAPES);
    // A shape prepared before the cap stays prepared; one past it is still not.
    expect(await run(0)).toEqual({ i: 0, prepared: true });
    expect(await run(left + 1)).toEqual({ i: left + 1, prepared: false });
  });

  it("reads a DateTime column as Prisma wrote it", async () => {
    const [row] = await db().$queryRaw<{ now: Date }[]>`SELECT now()::timestamp(3) AS now`;
    const sql = Prisma.sql`SELECT ${row!.now}::timestamp(3) AS at`;
    const [back] = await queryWithBitmapScansOnly<{ at: Date }>(sql, async () => db().$queryRaw<{ at: Date }[]>(sql));
    expect(back!.at.toISOString()).toBe(row!.now.toISOString());
  });
});
