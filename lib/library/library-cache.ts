/**
 * What the library page computes over every document a reader may see — the filters' values and
 * "close to home" — cached per reader and per version of the library (its latest change and size),
 * so a change to any search document (a publication, a correction, a changed audience: the
 * trigger stamps "updatedAt") is seen on the next request. Searches themselves are not cached.
 */
import { LRUCache } from "lru-cache";
import { db } from "../db/client";
import type { Actor } from "../policies/types";

const cache = new LRUCache<string, { value: unknown }>({ max: 2_000, ttl: 10 * 60_000 });

/** The library's version: its latest change and its size (one index-only query). */
async function libraryVersion(): Promise<string> {
  const [row] = await db().$queryRaw<{ at: Date | null; n: bigint }[]>`SELECT max("updatedAt") AS at, count(*) AS n FROM "ReviewSearchDocument"`;
  return `${row?.at?.toISOString() ?? "-"}:${row?.n ?? 0}`;
}

/** `compute()` for this reader (their id and teams decide what they see), reused until the library changes. */
export async function cachedForReader<T>(actor: Actor, name: string, compute: () => Promise<T>): Promise<T> {
  const key = `${name}|${actor.id}|${actor.role}|${Object.keys(actor.teams).sort().join(",")}|${await libraryVersion()}`;
  const hit = cache.get(key);
  if (hit) return hit.value as T;
  const value = await compute();
  cache.set(key, { value });
  return value;
}
