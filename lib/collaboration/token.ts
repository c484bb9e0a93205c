/**
 * Collaboration tokens: short-lived JWTs (HS256, node:crypto) the web app mints and the
 * collaboration server verifies. They say who (`sub`), for which review (`rid`) and document
 * (`doc`), until when (`exp`). Permissions are not in the token: the server re-checks them in
 * the database on connect and while connected, so a token only proves who asked, recently.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const COLLAB_TOKEN_TTL_S = 5 * 60;
const AUDIENCE = "debrief-collab";
const HEADER = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
/** Clocks of the web app and the collaboration server may differ a little. */
const LEEWAY_S = 5;

export type CollabTokenClaims = { sub: string; rid: string; doc: string; exp: number; iat: number; aud: typeof AUDIENCE };

const claimsSchema = z.object({
  sub: z.string().min(1),
  rid: z.string().min(1),
  doc: z.string().min(1),
  exp: z.number().int(),
  iat: z.number().int(),
  aud: z.literal(AUDIENCE),
});

export type VerifyResult = { ok: true; claims: CollabTokenClaims } | { ok: false; problem: "invalid" | "expired" };

function b64(text: string | Buffer): string {
  return Buffer.from(text).toString("base64url");
}

function sign(input: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(input).digest();
}

/** Mints a token for `userId` to open `document` of review `reviewId`. */
export function signCollabToken(
  input: { userId: string; reviewId: string; document: string },
  secret: string,
  options: { now?: number; ttlS?: number } = {},
): { token: string; expiresAt: Date } {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const exp = iat + (options.ttlS ?? COLLAB_TOKEN_TTL_S);
  const claims: CollabTokenClaims = { sub: input.userId, rid: input.reviewId, doc: input.document, iat, exp, aud: AUDIENCE };
  const body = `${HEADER}.${b64(JSON.stringify(claims))}`;
  return { token: `${body}.${sign(body, secret).toString("base64url")}`, expiresAt: new Date(exp * 1000) };
}

/** Checks the signature, then the claims and the expiry. Never throws. */
export function verifyCollabToken(token: string, secret: string, now = Date.now()): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, problem: "invalid" };
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  const given = Buffer.from(parts[2]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "invalid" };
  let claims: CollabTokenClaims;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")));
  } catch {
    return { ok: false, problem: "invalid" };
  }
  if (claims.exp + LEEWAY_S <= Math.floor(now / 1000)) return { ok: false, problem: "expired" };
  return { ok: true, claims };
}

/** The signing secret: COLLAB_SECRET, else one derived from AUTH_SECRET (so one secret configures both). */
export function collabSecret(env: { COLLAB_SECRET?: string; AUTH_SECRET?: string }): string {
  if (env.COLLAB_SECRET) return env.COLLAB_SECRET;
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET (or COLLAB_SECRET) must be set to sign collaboration tokens.");
  return createHmac("sha256", env.AUTH_SECRET).update("debrief collaboration tokens v1").digest("base64url");
}
