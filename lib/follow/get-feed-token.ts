/** Whether you have a feed token, and when it was made and last used (never the token itself). */
import { db } from "../db/client";
import type { Actor } from "../policies/types";

export async function getFeedToken(actor: Actor): Promise<{ prefix: string; createdAt: Date; lastUsedAt: Date | null } | null> {
  return db().feedToken.findUnique({ where: { userId: actor.id }, select: { prefix: true, createdAt: true, lastUsedAt: true } });
}
