/**
 * Personal feed tokens: `dbfeed_` + 32 random bytes. Feed readers cannot sign in, so the token
 * rides in the feed URL; it opens the Atom feeds and nothing else (not the API, not the app), and
 * only a SHA-256 hash is stored. Each person has at most one; replacing it ends the old one.
 */
import { createHash, randomBytes } from "node:crypto";

export const FEED_TOKEN_PREFIX = "dbfeed_";

export function generateFeedToken(): { token: string; prefix: string; tokenHash: string } {
  const token = FEED_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, FEED_TOKEN_PREFIX.length + 6), tokenHash: hashFeedToken(token) };
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
