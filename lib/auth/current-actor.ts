/**
 * The actor behind a page, server action or API request: the signed-in session, or a Bearer
 * API token (API only). Entry points call these; nothing else reads the session.
 */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { hashApiToken, API_TOKEN_PREFIX } from "./api-tokens";
import { auth } from "./config";
import { loadActor } from "./load-actor";
import { actorCache, sessionCache } from "./request-cache";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** The user id of the signed-in session; the cookie's decoded content is cached until it expires. */
async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (token) {
    const cached = sessionCache.get(token);
    if (cached) return cached;
  }
  const session = await auth();
  const id = session?.user?.id ?? null;
  if (id && token && session?.expires) sessionCache.set(token, id, Math.min(new Date(session.expires).getTime(), Date.now() + 60_000));
  return id;
}

/** The signed-in actor, or null (read once per request: layouts and pages share it). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  const cached = actorCache.get(id);
  if (cached) return cached.actor;
  const actor = await loadActor(id);
  actorCache.set(id, actor);
  return actor;
});

/** The signed-in actor; pages redirect to sign-in without one. */
export async function requireActor(callbackPath?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in");
  return actor;
}

/** The actor for an API request: `Authorization: Bearer dbf_…`, else the session cookie. */
export async function actorFromRequest(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !match[1]!.startsWith(API_TOKEN_PREFIX)) {
      throw new AppError("UNAUTHENTICATED", "The Authorization header must be `Bearer <API token>`.");
    }
    const token = await db().apiToken.findUnique({
      where: { tokenHash: hashApiToken(match[1]!) },
      select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
    });
    const now = new Date();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
      throw new AppError("UNAUTHENTICATED", "This API token is invalid, expired or revoked.");
    }
    // Record use at most once a minute, so busy scripts do not write on every request.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
      await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    const actor = await loadActor(token.userId);
    if (!actor) throw new AppError("UNAUTHENTICATED", "This API token's user is deactivated.");
    return actor;
  }
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send `Authorization: Bearer <API token>`.");
  return actor;
}
