/**
 * Everything that must be true before Debrief serves: a database (the embedded one when no
 * DATABASE_URL is set), migrations applied, demo data or the first admin, and secrets.
 * Shared by `npm start`, the end-to-end tests and the benchmarks.
 */
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { seedDemo } from "../db/seed-demo";
import { parseEnv, type Env } from "../env";
import { log } from "../log";
import { ensureEnvironmentAdmin } from "../users/first-admin";
import { persistentSecret } from "./secrets";

export type Prepared = { env: Env; embedded: EmbeddedDatabase | null };

/** Validates the environment, provides the database and secrets, migrates and seeds. */
export async function prepare(): Promise<Prepared> {
  let env = parseEnv(process.env);
  const dataDir = path.resolve(env.DEBRIEF_DATA_DIR);

  if (!env.AUTH_SECRET) {
    process.env.AUTH_SECRET = await persistentSecret(dataDir, "auth-secret");
    log.info({ file: path.join(env.DEBRIEF_DATA_DIR, "auth-secret") }, "Using the session secret kept in the data folder");
  }
  if (!env.DEBRIEF_ENCRYPTION_KEY) {
    process.env.DEBRIEF_ENCRYPTION_KEY = await persistentSecret(dataDir, "encryption-key");
    log.info({ file: path.join(env.DEBRIEF_DATA_DIR, "encryption-key") }, "Encrypting tracker credentials with the key kept in the data folder (back it up with the database)");
  }

  let embedded: EmbeddedDatabase | null = null;
  if (!env.DATABASE_URL) {
    const dir = path.join(dataDir, "pglite");
    log.info({ dir: path.relative(process.cwd(), dir) || dir }, "No DATABASE_URL: starting the embedded PostgreSQL (PGlite)…");
    const started = Date.now();
    embedded = await startEmbeddedDatabase(dir);
    process.env.DATABASE_URL = embedded.url;
    // One PGlite session serves every connection: a small pool is faster than a large one.
    process.env.DATABASE_POOL_MAX ??= "5";
    log.info({ ms: Date.now() - started }, "Embedded PostgreSQL is ready");
  } else {
    log.info({ host: new URL(env.DATABASE_URL).host }, "Using PostgreSQL from DATABASE_URL");
  }
  env = parseEnv(process.env);

  const applied = await migrate(env.DATABASE_URL!, (name) => log.info({ migration: name }, "Applying migration…"));
  log.info({ applied: applied.length }, applied.length ? "Migrations applied" : "Database schema is up to date");

  const demo = env.DEBRIEF_DEMO ? env.DEBRIEF_DEMO === "1" : embedded !== null;
  if (demo && (await seedDemo())) log.info("Seeded the demo organisation (sign in as facilitator@example.com / demo-password)");
  if (env.DEBRIEF_ADMIN_EMAIL && env.DEBRIEF_ADMIN_PASSWORD && (await ensureEnvironmentAdmin(env.DEBRIEF_ADMIN_EMAIL, env.DEBRIEF_ADMIN_PASSWORD))) {
    log.info({ email: env.DEBRIEF_ADMIN_EMAIL }, "Created the admin from DEBRIEF_ADMIN_EMAIL");
  }
  return { env, embedded };
}
