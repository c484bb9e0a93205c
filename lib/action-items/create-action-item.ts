import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { docText, type DocNode } from "../editor/doc";
import { actionAbilities } from "../policies";
import type { Actor } from "../policies/types";
import { actionFactsOf, actionInclude, loadActionReview } from "./action-access";
import {
  actionDescriptionSchema,
  actionKindSchema,
  actionPrioritySchema,
  actionTitleSchema,
  assigneeIdSchema,
  dueDateSchema,
  EMPTY_DESCRIPTION,
  findingIdsSchema,
  teamIdSchema,
} from "./action-fields";
import { assertAssignee, assertFindings, assertTeam, toActionView } from "./action-view";
import { clearNoActionOf } from "./finding-decisions";
import { lockBacklog, rankAtBottom } from "./ranking";

export const createActionItemSchema = z.object({
  title: actionTitleSchema,
  description: actionDescriptionSchema.optional(),
  teamId: teamIdSchema,
  assigneeId: assigneeIdSchema.optional(),
  priority: actionPrioritySchema.default("MEDIUM"),
  kind: actionKindSchema.default("FIX"),
  dueDate: dueDateSchema.optional(),
  findingIds: findingIdsSchema.default([]).describe("The findings of this review the action addresses."),
  agreed: z.boolean({ error: "agreed is true or false." }).default(false).describe("Agree it at once (it then goes to the team's tracker, if one is connected)."),
});
export type CreateActionItemInput = z.output<typeof createActionItemSchema>;

/**
 * Plans an action in a review in ACTION_PLANNING: it goes to the bottom of the owning team's
 * backlog, linked to the findings it addresses (whose "no action needed" decisions, if any, no
 * longer apply). Audited in the same transaction.
 */
export async function createActionItem(actor: Actor, reviewId: string, input: CreateActionItemInput) {
  await loadActionReview(actor, reviewId, "plan");
  await assertTeam(input.teamId);
  await assertAssignee(input.assigneeId);
  const findingIds = await assertFindings(reviewId, input.findingIds, "findingIds");
  const description = (input.description ?? EMPTY_DESCRIPTION) as DocNode;
  const now = new Date();
  const action = await db().$transaction(async (tx) => {
    await lockBacklog(tx, input.teamId);
    const created = await tx.actionItem.create({
      data: {
        reviewId,
        teamId: input.teamId,
        title: input.title,
        description: description as Prisma.InputJsonObject,
        descriptionText: docText(description),
        assigneeId: input.assigneeId ?? null,
        priority: input.priority,
        kind: input.kind,
        dueDate: input.dueDate ?? null,
        rank: await rankAtBottom(tx, input.teamId),
        agreedAt: input.agreed ? now : null,
        createdById: actor.id,
        findings: { create: findingIds.map((findingId) => ({ findingId })) },
      },
      include: actionInclude,
    });
    await recordAuditEvent(tx, { type: "action.created", actorId: actor.id, reviewId, subjectId: created.id, data: { teamId: input.teamId, findingIds } });
    if (input.agreed) await recordAuditEvent(tx, { type: "action.agreed", actorId: actor.id, reviewId, subjectId: created.id, data: { via: "action" } });
    await clearNoActionOf(tx, actor, reviewId, findingIds);
    return created;
  });
  return toActionView(action, actionAbilities(actor, actionFactsOf(actor, action)), now);
}
