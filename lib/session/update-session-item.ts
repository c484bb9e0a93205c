import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadManageableItem, sessionItemTextSchema, toSessionItemView } from "./session-items";

export const updateSessionItemSchema = z
  .object({
    done: z.boolean({ error: "done is true or false." }).optional().describe("A question asked, a parking-lot topic taken care of."),
    text: sessionItemTextSchema.optional(),
  })
  .refine((v) => v.done !== undefined || v.text !== undefined, { message: "Send done, text or both." });
export type UpdateSessionItemInput = z.output<typeof updateSessionItemSchema>;

/** Marks a question or parking-lot topic done (or not), or rewords it. */
export async function updateSessionItem(actor: Actor, reviewId: string, itemId: string, input: UpdateSessionItemInput) {
  const item = await loadManageableItem(actor, reviewId, itemId);
  const fields = (["done", "text"] as const).filter((k) => input[k] !== undefined && input[k] !== item[k]);
  if (!fields.length) return toSessionItemView(item, actor);
  const updated = await db().$transaction(async (tx) => {
    const changed = await tx.sessionItem.update({ where: { id: item.id }, data: { done: input.done, text: input.text } });
    await recordAuditEvent(tx, { type: "session.item_updated", actorId: actor.id, reviewId, subjectId: item.id, data: { kind: item.kind, fields: [...fields] } });
    return changed;
  });
  publishReviewEvent("session.changed", reviewId, [item.id]);
  return toSessionItemView(updated, actor);
}
