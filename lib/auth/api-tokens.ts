/** Personal API tokens: `dbf_` + 32 random bytes; only the SHA-256 hash is stored. */
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "dbf_";

export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
