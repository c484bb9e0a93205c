import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { publishReviewEvent } from "../events/review-events";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { assertSession } from "./session-access";
import { SESSION_ITEM_KINDS, sessionItemTextSchema, toSessionItemView } from "./session-items";

export const addSessionItemSchema = z.object({
  kind: z
    .enum(SESSION_ITEM_KINDS, { error: "The kind is QUESTION (prepared for the session) or PARKING_LOT (a topic to follow up)." })
    .describe("QUESTION: prepared by the facilitator, from PREPARING on. PARKING_LOT: a topic to follow up, added by participants during the session."),
  text: sessionItemTextSchema,
});
export type AddSessionItemInput = z.output<typeof addSessionItemSchema>;

/** Adds a prepared question (the facilitator, also before the session) or a parking-lot topic (participants, during it). */
export async function addSessionItem(actor: Actor, reviewId: string, input: AddSessionItemInput) {
  const { facts } = await loadVisibleReview(actor, reviewId);
  assertSession(actor, facts, input.kind === "QUESTION" ? "prepare-questions" : "contribute");
  const item = await db().$transaction(async (tx) => {
    const created = await tx.sessionItem.create({ data: { reviewId, kind: input.kind, text: input.text, createdById: actor.id } });
    await recordAuditEvent(tx, { type: "session.item_added", actorId: actor.id, reviewId, subjectId: created.id, data: { kind: input.kind } });
    return created;
  });
  publishReviewEvent("session.changed", reviewId, [item.id]);
  return toSessionItemView(item, actor);
}
