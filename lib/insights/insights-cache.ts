/**
 * A short-lived, per-process cache of computed Insights, keyed by whose view it is: all admins see
 * the same figures; anyone else's depend on their teams and the reviews they take part in, so
 * their figures are their own. Concurrent requests for the same figures share one computation.
 * DEBRIEF_INSIGHTS_CACHE_SECONDS (default 60) sets how long figures are reused; 0 turns it off.
 */
import { LRUCache } from "lru-cache";
import { env } from "../env";
import type { Actor } from "../policies/types";

const cache = new LRUCache<string, { value: Promise<unknown> }>({ max: 2_000 });

/** Whose figures these are: "admin" for every admin, otherwise the person (with their teams, so a change of team shows at once). */
export function viewerKey(actor: Actor): string {
  if (actor.role === "ADMIN") return "admin";
  return `${actor.id}:${Object.keys(actor.teams).sort().join(",")}`;
}

export async function cachedInsights<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const ttl = env().DEBRIEF_INSIGHTS_CACHE_SECONDS * 1000;
  if (!ttl) return compute();
  const hit = cache.get(key);
  if (hit) return hit.value as Promise<T>;
  const value = compute();
  cache.set(key, { value }, { ttl });
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** For tests: forget everything. */
export function clearInsightsCache(): void {
  cache.clear();
}
