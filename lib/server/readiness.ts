import { db } from "../db/client";
import { pendingMigrations } from "../db/migrate";

export type Readiness = { ready: boolean; checks: { database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown" }; pending?: string[] };

/** Readiness: the database answers and every committed migration is applied. */
export async function checkReadiness(): Promise<Readiness> {
  try {
    await db().$queryRawUnsafe("SELECT 1");
  } catch {
    return { ready: false, checks: { database: "unreachable", migrations: "unknown" } };
  }
  try {
    const pending = await pendingMigrations((sql) => db().$queryRawUnsafe(sql));
    return pending.length
      ? { ready: false, checks: { database: "ok", migrations: "pending" }, pending }
      : { ready: true, checks: { database: "ok", migrations: "ok" } };
  } catch {
    return { ready: false, checks: { database: "ok", migrations: "pending" } };
  }
}
