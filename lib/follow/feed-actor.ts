/** The person behind a feed URL's token; 401 for a missing, unknown or replaced token or a deactivated person. */
import { loadActor } from "../auth/load-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { FEED_TOKEN_PREFIX, hashFeedToken } from "./feed-token-format";

const MISSING = "Feeds need your personal feed token: copy the feed link from Settings → Following.";

export async function actorFromFeedToken(token: string | null, now = new Date()): Promise<Actor> {
  if (!token || !token.startsWith(FEED_TOKEN_PREFIX) || token.length > 200) throw new AppError("UNAUTHENTICATED", MISSING);
  const row = await db().feedToken.findUnique({ where: { tokenHash: hashFeedToken(token) }, select: { userId: true, lastUsedAt: true } });
  if (!row) throw new AppError("UNAUTHENTICATED", "This feed link is no longer valid (it was replaced or revoked). Copy the current one from Settings → Following.");
  const actor = await loadActor(row.userId);
  if (!actor) throw new AppError("UNAUTHENTICATED", "This feed link's owner is deactivated.");
  // Feed readers poll often: record use at most once an hour.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 3_600_000) {
    await db().feedToken.update({ where: { userId: row.userId }, data: { lastUsedAt: now } });
  }
  return actor;
}
