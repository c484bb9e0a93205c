/**
 * What the library page computes over every document a reader may see — the filters' values and
 * "close to home" — cached per reader and per version of the library (its latest change), so a
 * change to any search document (a publication, a correction, a changed audience: the trigger
 * stamps "updatedAt") is seen on the next request. Searches themselves are not cached.
 *
 * The version is the latest "updatedAt" alone: one step down its index, where counting the
 * documents as well (to notice one deleted) read the whole index on every page view — ~3 ms with
 * 20,000 documents. The app never deletes a search document (reviews are not deleted); one removed
 * straight in the database is forgotten within the cache's ten minutes.
 */
import { LRUCache } from "lru-cache";
import { db } from "../db/client";
import type { Actor } from "../policies/types";

const cache = new LRUCache<string, { value: unknown }>({ max: 2_000, ttl: 10 * 60_000 });
/** Computations under way, so readers arriving together after a change compute once. */
const pending = new Map<string, Promise<unknown>>();

/** The library's version: its latest change (the top of the "updatedAt" index). */
async function libraryVersion(): Promise<string> {
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`SELECT max("updatedAt") AS at FROM "ReviewSearchDocument"`;
  return row?.at?.toISOString() ?? "-";
}

/** `compute()` for this reader (their id and teams decide what they see), reused until the library changes. */
export async function cachedForReader<T>(actor: Actor, name: string, compute: () => Promise<T>): Promise<T> {
  const key = `${name}|${actor.id}|${actor.role}|${Object.keys(actor.teams).sort().join(",")}|${await libraryVersion()}`;
  const hit = cache.get(key);
  if (hit) return hit.value as T;
  const running = pending.get(key);
  if (running) return running as Promise<T>;
  const promise = compute().then((value) => {
    cache.set(key, { value });
    return value;
  });
  pending.set(key, promise);
  try {
    return await promise;
  } finally {
    pending.delete(key);
  }
}
