import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadManageableItem } from "./session-items";

/** Deletes a prepared question or a parking-lot topic. */
export async function deleteSessionItem(actor: Actor, reviewId: string, itemId: string) {
  const item = await loadManageableItem(actor, reviewId, itemId);
  await db().$transaction(async (tx) => {
    await tx.sessionItem.delete({ where: { id: item.id } });
    await recordAuditEvent(tx, { type: "session.item_deleted", actorId: actor.id, reviewId, subjectId: item.id, data: { kind: item.kind } });
  });
  publishReviewEvent("session.changed", reviewId, [item.id]);
}
