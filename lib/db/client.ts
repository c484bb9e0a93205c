/**
 * The Prisma client for server code (web, collaboration server, worker, tests). One pool per
 * process; the pg driver adapter is used for the embedded database and real PostgreSQL alike.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { closePreparedPools } from "./prepared-pool";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function create(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Debrief with `npm start`, which provides one.");
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  // A burst (e.g. many rank moves queued on one backlog's lock) can hold every pooled connection
  // for a moment: wait up to 10 s for one instead of Prisma's 2 s before refusing with P2028.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), transactionOptions: { maxWait: 10_000, timeout: 10_000 } });
}

const globalForDb = globalThis as unknown as { debriefDb?: PrismaClient };

/** The process-wide client, created on first use (so builds and imports never connect). */
export function db(): PrismaClient {
  globalForDb.debriefDb ??= create();
  return globalForDb.debriefDb;
}

/** Closes the process-wide client, e.g. on graceful shutdown. */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.debriefDb;
  globalForDb.debriefDb = undefined;
  await Promise.all([client?.$disconnect(), closePreparedPools()]);
}
