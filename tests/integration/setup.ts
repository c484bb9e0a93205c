import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = "4";
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  await disconnectDb();
});
