/**
 * Short-lived, per-process caches for what every signed-in request needs: who the session
 * cookie belongs to, and the actor behind it. A list page read from a warm cache skips a JWE
 * decryption and a database round trip.
 *
 * - Sessions are keyed by the cookie's value (itself the credential): the same cookie always
 *   decodes to the same user, so caching it until the cookie expires changes nothing.
 * - Actors (role, teams, deactivation) are kept for ACTOR_TTL_MS; changes made in this process
 *   forget the actor at once, and other instances see them within that time.
 */
import { LRUCache } from "lru-cache";
import type { Actor } from "../policies/types";

export const ACTOR_TTL_MS = 2_000;

const sessions = new LRUCache<string, { userId: string; expiresAt: number }>({ max: 10_000, ttl: 60_000 });
const actors = new LRUCache<string, { actor: Actor | null }>({ max: 10_000, ttl: ACTOR_TTL_MS });
const unread = new LRUCache<string, { count: number }>({ max: 10_000, ttl: ACTOR_TTL_MS });

export const sessionCache = {
  get(token: string): string | null {
    const hit = sessions.get(token);
    if (!hit) return null;
    if (hit.expiresAt <= Date.now()) {
      sessions.delete(token);
      return null;
    }
    return hit.userId;
  },
  set(token: string, userId: string, expiresAt: number) {
    sessions.set(token, { userId, expiresAt });
  },
};

export const actorCache = {
  get: (userId: string) => actors.get(userId),
  set: (userId: string, actor: Actor | null) => actors.set(userId, { actor }),
};

export const unreadCache = {
  get: (userId: string) => unread.get(userId)?.count,
  set: (userId: string, count: number) => unread.set(userId, { count }),
};

/** Call after changing a user's role, teams, profile or active state. */
export function forgetActor(userId: string): void {
  actors.delete(userId);
}

/** Call after creating or reading notifications for a user. */
export function forgetUnread(userId: string): void {
  unread.delete(userId);
}
