/**
 * Direct access to the end-to-end server's database (E2E_DATABASE_URL), for arranging users the
 * tests own and for checking what the UI cannot show. Plain `pg`: nothing of the app is mocked.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../../lib/auth/password";

export async function query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = [], url = databaseUrl()): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.");
  return url;
}

/** A unique suffix for names and addresses. */
export const unique = () => randomBytes(4).toString("hex");

/** Creates an active member who signs in with `password`, for one test only (demo users are shared). */
export async function createPasswordUser(opts: { name: string; email?: string; password: string }) {
  const email = opts.email ?? `e2e-${unique()}@test.example`;
  const id = `e2e${unique()}${unique()}`;
  await query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "emailVerified", "updatedAt") VALUES ($1, $2, $3, $4, 'MEMBER', now(), now())`, [
    id,
    email,
    opts.name,
    await hashPassword(opts.password),
  ]);
  return { id, email, name: opts.name, password: opts.password };
}
