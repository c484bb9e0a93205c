/** Revoke your feed token: feed readers using it get 401 from then on. */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

export async function revokeFeedToken(actor: Actor): Promise<void> {
  authorize(actor, "follow:manage-own", null);
  await db().$transaction(async (tx) => {
    const deleted = await tx.feedToken.deleteMany({ where: { userId: actor.id } });
    if (!deleted.count) throw AppError.notFound("Feed token");
    await recordAuditEvent(tx, { type: "feed_token.revoked", actorId: actor.id, subjectId: actor.id, data: {} });
  });
}
