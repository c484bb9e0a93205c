/** Create (or replace) your feed token; the token is returned this once. */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { generateFeedToken } from "./feed-token-format";

export async function createFeedToken(actor: Actor): Promise<{ token: string; prefix: string; replaced: boolean }> {
  authorize(actor, "follow:manage-own", null);
  const { token, prefix, tokenHash } = generateFeedToken();
  const replaced = await db().$transaction(async (tx) => {
    const existing = await tx.feedToken.findUnique({ where: { userId: actor.id }, select: { userId: true } });
    await tx.feedToken.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, prefix, tokenHash },
      update: { prefix, tokenHash, lastUsedAt: null, createdAt: new Date() },
    });
    await recordAuditEvent(tx, { type: "feed_token.created", actorId: actor.id, subjectId: actor.id, data: { replaced: Boolean(existing) } });
    return Boolean(existing);
  });
  return { token, prefix, replaced };
}
