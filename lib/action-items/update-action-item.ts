import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { docText, type DocNode } from "../editor/doc";
import { AppError } from "../errors";
import { queueActionUpdate } from "../backlog/queue-update";
import { actionAbilities } from "../policies";
import type { Actor } from "../policies/types";
import { actionFactsOf, actionInclude, assertActionChange, loadAction, type ActionNeed } from "./action-access";
import {
  actionDescriptionSchema,
  actionKindSchema,
  actionPrioritySchema,
  actionStatusSchema,
  actionTitleSchema,
  assigneeIdSchema,
  dueDateSchema,
  findingIdsSchema,
  isClosed,
  teamIdSchema,
} from "./action-fields";
import { assertAssignee, assertFindings, assertTeam, toActionView } from "./action-view";
import { clearNoActionOf } from "./finding-decisions";
import { lockBacklog, placeInBacklog, rankAtBottom, type Placement } from "./ranking";

const otherAction = z.string().trim().min(1, "Give an action's id.").max(100, "That is not an action's id.");

export const moveSchema = z
  .object({
    after: otherAction.optional().describe("Put it right after this action of the same backlog."),
    before: otherAction.optional().describe("Put it right before this action (when `after` is not given)."),
    to: z.enum(["top", "bottom", "up", "down"], { error: "`to` is top, bottom, up or down." }).optional().describe("A keyboard move: to the top or bottom, or one place up or down."),
  })
  .refine((m) => (m.to ? 1 : 0) + (m.after || m.before ? 1 : 0) === 1, { message: "Send `after` and/or `before` (the neighbours it goes between), or `to`." })
  .transform((m): Placement => (m.to ? { to: m.to } : m.after ? { after: m.after } : { before: m.before! }))
  .describe(
    "Move it in the team's backlog. Between two actions: send both ids as you saw them; the server places it right after `after` as the backlog is now (before `before` when only that is given), so concurrent moves never collide.",
  );

export const updateActionItemSchema = z
  .object({
    title: actionTitleSchema.optional(),
    description: actionDescriptionSchema.optional(),
    teamId: teamIdSchema.optional(),
    kind: actionKindSchema.optional(),
    link: findingIdsSchema.optional().describe("Findings of the review it also addresses."),
    unlink: findingIdsSchema.optional().describe("Findings it no longer addresses."),
    agreed: z.boolean({ error: "agreed is true or false." }).optional().describe("true agrees the action (once; it then goes to the team's tracker); false withdraws the agreement while it is not in a tracker."),
    status: actionStatusSchema.optional().describe("DONE and WONT_DO close the action (its lead time ends); OPEN and IN_PROGRESS reopen it."),
    assigneeId: assigneeIdSchema.optional(),
    dueDate: dueDateSchema.optional(),
    priority: actionPrioritySchema.optional(),
    move: moveSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateActionItemInput = z.output<typeof updateActionItemSchema>;

const NEEDS: Record<keyof UpdateActionItemInput, ActionNeed> = {
  title: "edit",
  description: "edit",
  teamId: "edit",
  kind: "edit",
  link: "edit",
  unlink: "edit",
  agreed: "edit",
  status: "update-progress",
  assigneeId: "update-progress",
  dueDate: "update-progress",
  priority: "prioritise",
  move: "rank",
};

/** Fields the tracker's issue shows: a change to one is sent to it. */
const TRACKED = ["title", "description", "priority", "dueDate", "assigneeId"];

const inTracker = (a: { syncState: string; externalId: string | null }) => a.syncState !== "LOCAL" || a.externalId !== null;

/**
 * Changes an action: while its review is in ACTION_PLANNING every field (the planners); after
 * publication its progress — status, assignee, due date (the owning team, the assignee, admins);
 * its priority and backlog position (the team's product managers, admins). Every part of the
 * request is checked before anything is written; changes and their audit events commit together.
 */
export async function updateActionItem(actor: Actor, id: string, input: UpdateActionItemInput) {
  const { action: current, facts } = await loadAction(actor, id);
  const needs = new Set((Object.keys(input) as (keyof UpdateActionItemInput)[]).filter((k) => input[k] !== undefined).map((k) => NEEDS[k]));
  for (const need of ["edit", "update-progress", "prioritise", "rank"] as const) if (needs.has(need)) assertActionChange(actor, facts, need);

  const teamChanges = input.teamId !== undefined && input.teamId !== current.teamId;
  if (teamChanges) {
    await assertTeam(input.teamId!);
    if (inTracker(current)) throw new AppError("CONFLICT", "This action is already in its team's tracker, so it stays with that team. Mark it Won't do and plan a new one for the other team.");
    if (input.move) throw new AppError("VALIDATION_FAILED", "Move the action after changing its team.", { fields: { move: ["An action moves within its team's backlog; it joins a new team's at the bottom."] } });
  }
  if (input.assigneeId !== undefined) await assertAssignee(input.assigneeId);
  const link = await assertFindings(current.reviewId, input.link, "link");
  const unlink = [...new Set(input.unlink ?? [])];
  if (input.agreed === false && current.agreedAt && inTracker(current)) throw new AppError("CONFLICT", "This action is already in its team's tracker; the agreement cannot be withdrawn. Mark it Won't do instead.");

  const now = new Date();
  const action = await db().$transaction(async (tx) => {
    const fields: string[] = [];
    const data: Record<string, unknown> = {};
    const set = (field: string, value: unknown, differs: boolean) => {
      if (!differs) return;
      data[field] = value;
      fields.push(field);
    };
    set("title", input.title, input.title !== undefined && input.title !== current.title);
    if (input.description !== undefined) {
      const doc = input.description as DocNode;
      set("description", doc, JSON.stringify(doc) !== JSON.stringify(current.description));
      if (data.description) data.descriptionText = docText(doc);
    }
    set("kind", input.kind, input.kind !== undefined && input.kind !== current.kind);
    set("priority", input.priority, input.priority !== undefined && input.priority !== current.priority);
    set("assigneeId", input.assigneeId, input.assigneeId !== undefined && input.assigneeId !== current.assigneeId);
    set("dueDate", input.dueDate, input.dueDate !== undefined && (input.dueDate?.getTime() ?? null) !== (current.dueDate?.getTime() ?? null));
    if (teamChanges) {
      await lockBacklog(tx, input.teamId!);
      set("teamId", input.teamId, true);
      data.rank = await rankAtBottom(tx, input.teamId!);
    }
    const statusChanges = input.status !== undefined && input.status !== current.status;
    if (statusChanges) {
      data.status = input.status;
      if (isClosed(input.status!) && !isClosed(current.status)) data.closedAt = now;
      if (!isClosed(input.status!)) data.closedAt = null;
    }
    const agrees = input.agreed === true && !current.agreedAt;
    const withdraws = input.agreed === false && !!current.agreedAt;
    if (agrees) data.agreedAt = now;
    if (withdraws) data.agreedAt = null;
    const linked = new Set(current.findings.map((f) => f.findingId));
    const links = link.filter((f) => !linked.has(f));
    const unlinks = unlink.filter((f) => linked.has(f));
    if (links.length || unlinks.length) fields.push("findings");
    if (unlinks.length) await tx.actionFinding.deleteMany({ where: { actionId: id, findingId: { in: unlinks } } });
    if (links.length) await tx.actionFinding.createMany({ data: links.map((findingId) => ({ actionId: id, findingId })), skipDuplicates: true });

    const moved = input.move ? await placeInBacklog(tx, current, input.move) : null;
    const touched = fields.length > 0 || statusChanges || agrees || withdraws || moved !== null;
    if (!touched) return current;
    const updated = await tx.actionItem.update({ where: { id }, data: { ...data, updatedAt: now } as Prisma.ActionItemUncheckedUpdateInput, include: actionInclude });
    const audit = { actorId: actor.id, reviewId: current.reviewId, subjectId: id };
    if (fields.length) await recordAuditEvent(tx, { type: "action.updated", ...audit, data: { fields } });
    if (statusChanges) await recordAuditEvent(tx, { type: "action.status_changed", ...audit, data: { from: current.status, to: input.status! } });
    if (agrees) await recordAuditEvent(tx, { type: "action.agreed", ...audit, data: { via: "action" } });
    if (withdraws) await recordAuditEvent(tx, { type: "action.agreement_withdrawn", ...audit, data: {} });
    if (moved) await recordAuditEvent(tx, { type: "action.moved", ...audit, data: { teamId: current.teamId, rebalanced: moved.rebalanced } });
    await clearNoActionOf(tx, actor, current.reviewId, links);
    // What the tracker shows goes out with the change (a no-op for actions not in a tracker).
    if (statusChanges || fields.some((f) => TRACKED.includes(f))) await queueActionUpdate(id, { tx });
    return updated;
  });
  return toActionView(action, actionAbilities(actor, actionFactsOf(actor, action)), now);
}
