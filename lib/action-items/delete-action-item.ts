import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { assertActionChange, loadAction } from "./action-access";

/**
 * Deletes a proposed or agreed action while its review is in ACTION_PLANNING, with its finding
 * links. Refused (409) once it is in its team's tracker: it is then marked Won't do instead, so the
 * tracker's issue and Debrief keep agreeing.
 */
export async function deleteActionItem(actor: Actor, id: string): Promise<void> {
  const { action, facts } = await loadAction(actor, id);
  assertActionChange(actor, facts, "edit");
  if (action.syncState !== "LOCAL" || action.externalId) {
    throw new AppError("CONFLICT", "This action is already in its team's tracker. Mark it Won't do instead, so both keep agreeing.");
  }
  await db().$transaction(async (tx) => {
    await tx.actionItem.delete({ where: { id } });
    await recordAuditEvent(tx, { type: "action.deleted", actorId: actor.id, reviewId: action.reviewId, subjectId: id, data: { title: action.title, teamId: action.teamId } });
  });
}
