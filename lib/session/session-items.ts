/** Prepared questions and the parking lot: how they are validated, loaded and shown. */
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { can, sessionOpen } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { assertSessionReadable } from "./session-access";

export const SESSION_ITEM_KINDS = ["QUESTION", "PARKING_LOT"] as const;
export type SessionItemKindName = (typeof SESSION_ITEM_KINDS)[number];

export const sessionItemTextSchema = z.string().trim().min(1, "Write the question or topic.").max(500, "At most 500 characters.");

type ItemRow = { id: string; kind: SessionItemKindName; text: string; done: boolean; createdById: string | null; createdAt: Date };

/** A question or parking-lot topic as shown; `mine` tells whether the viewer added it. */
export function toSessionItemView(item: ItemRow, actor: Actor) {
  return { id: item.id, kind: item.kind, text: item.text, done: item.done, mine: item.createdById === actor.id, createdAt: item.createdAt };
}
export type SessionItemView = ReturnType<typeof toSessionItemView>;

/** A session item of this review, or 404. */
export async function loadSessionItem(reviewId: string, id: string, tx?: Tx) {
  const item = await (tx ?? db()).sessionItem.findFirst({ where: { id, reviewId } });
  if (!item) throw AppError.notFound("Session item");
  return item;
}

/**
 * A session item the actor may mark done, edit or delete: 404 when they may not see it; 409 after
 * the session; 403 unless they run the session or (parking lot) added it themselves.
 */
export async function loadManageableItem(actor: Actor, reviewId: string, itemId: string) {
  const { facts } = await loadVisibleReview(actor, reviewId);
  // Before the reveal only the prepared questions exist, and only for those who prepare them.
  if (sessionOpen(facts.phase) || !can(actor, "session:prepare-questions", facts)) assertSessionReadable(actor, facts);
  const item = await loadSessionItem(reviewId, itemId);
  if (item.kind === "QUESTION" && !sessionOpen(facts.phase)) return item; // prepare-questions was checked
  if (can(actor, "session:manage-item", { ...facts, kind: item.kind, isCreator: item.createdById === actor.id })) return item;
  if (facts.phase !== "GROUP") throw new AppError("CONFLICT", "The group session has ended: its questions and parking lot are read-only now.");
  throw new AppError(
    "FORBIDDEN",
    item.kind === "QUESTION" ? "Only the facilitator or an admin manages the prepared questions." : "Only the facilitator, an admin or whoever added this topic can change it.",
  );
}
