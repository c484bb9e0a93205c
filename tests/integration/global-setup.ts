import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database for the integration run; tests isolate themselves with factories. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  console.log(`integration tests use ${database.kind === "embedded" ? "an embedded PGlite database (set TEST_DATABASE_URL for PostgreSQL)" : "PostgreSQL"}`);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
