/**
 * The Insights queries of one request run in one read-only transaction: one consistent snapshot
 * for every figure on the page, one connection instead of seven. PostgreSQL's JIT compiler is off
 * for it — these aggregate queries over a year of data are estimated costly enough to trigger
 * JIT, which then spends more time compiling than the query takes (measured: 360 ms with JIT,
 * 80 ms without, docs/BENCHMARKS.md).
 */
import { db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

export async function insightsTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await tx.$executeRaw`SELECT set_config('jit', 'off', true)`;
      return fn(tx);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000, maxWait: 30_000 },
  );
}
