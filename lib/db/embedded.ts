/**
 * The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a
 * folder, served over the Postgres wire protocol on 127.0.0.1 (./pglite-server.ts) so that the same pg driver
 * adapter serves embedded and real PostgreSQL. See docs/decisions/0002-pglite-embedded-default.md.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGliteServer } from "./pglite-server";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** Starts PGlite with its data in `dataDir` (created when missing) on a free loopback port. */
export async function startEmbeddedDatabase(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  await mkdir(path.dirname(dir), { recursive: true });
  const pglite = await PGlite.create(dir);
  const server = new PGliteServer(pglite);
  const { host, port } = await server.listen(options.port ?? 0);
  const url = `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.close();
      await pglite.close();
    },
  };
}
