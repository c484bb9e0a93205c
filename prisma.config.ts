/**
 * Prisma CLI configuration. Uses Prisma 6.19's WebAssembly schema engine through the pg driver
 * adapter (`engine: "js"`), so `generate` and every `migrate` command work without downloading
 * engine binaries (see docs/decisions/0001-prisma-js-schema-engine.md).
 */
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The WebAssembly schema engine cannot read pg_catalog columns of type name (19) or "char" (18):
// present them as text (25). prisma/orm#27403
class CatalogAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const fix = (res: any) => {
      for (const f of res?.fields ?? []) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
      return res;
    };
    const cb = args[args.length - 1];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (typeof cb === "function") args[args.length - 1] = (err: any, res: any) => cb(err, fix(res));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r: any = (super.query as any)(...args);
    return r && typeof r.then === "function" ? r.then(fix) : r;
  }
}

function pgConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? u.pathname.slice(1),
    allowExitOnIdle: true,
    idleTimeoutMillis: 200,
    max: 1,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    Client: CatalogAsTextClient as any,
  } as pg.PoolConfig;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    const factory = new PrismaPg(pgConfig(url));
    return Object.assign(factory, {
      async connectToShadowDb() {
        if (process.env.SHADOW_DATABASE_URL) return new PrismaPg(pgConfig(process.env.SHADOW_DATABASE_URL)).connect();
        const name = `prisma_shadow_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
        const admin = new pg.Client(pgConfig(url));
        await admin.connect();
        await admin.query(`CREATE DATABASE "${name}"`);
        await admin.end();
        const shadow = await new PrismaPg(pgConfig(url, name)).connect();
        const dispose = shadow.dispose.bind(shadow);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (shadow as any).dispose = async () => {
          await dispose();
          const a = new pg.Client(pgConfig(url));
          await a.connect();
          await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await a.end();
        };
        return shadow;
      },
    });
  },
});
