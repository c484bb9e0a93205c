/**
 * A change that happened in the tracker, applied to the action: status (with its closing time),
 * assignee — matched to a Debrief user by e-mail, else only named in the history — and due date.
 * Only real differences are written, each with a history entry, so a repeated or echoed change
 * (our own update coming back as a webhook) changes nothing.
 */
import type { Tx } from "../db/client";
import type { ActionItem, Prisma } from "../db/generated/client";
import { isoDay, type ActionStatus, type ExternalPerson } from "./provider";
import { recordSyncEvent } from "./sync-events";

export type TrackerChange = { status?: ActionStatus; assignee?: ExternalPerson | null; dueDate?: string | null };

const CLOSED: ActionStatus[] = ["DONE", "WONT_DO"];
const personName = (p: ExternalPerson) => p.name || p.login || p.email || "someone";

/** Applies `change` to `action` inside `tx`; returns the kinds of change made. */
export async function applyTrackerChange(tx: Tx, action: ActionItem, change: TrackerChange, source: "webhook" | "reconcile", now = new Date()): Promise<string[]> {
  const data: Prisma.ActionItemUncheckedUpdateInput = { lastSyncedAt: now };
  const made: string[] = [];

  if (change.status && change.status !== action.status) {
    data.status = change.status;
    data.closedAt = CLOSED.includes(change.status) ? (action.closedAt ?? now) : null;
    await recordSyncEvent(tx, action.id, "IN", "status-changed", { from: action.status, to: change.status, source });
    made.push("status");
  }

  if (change.assignee !== undefined) {
    if (change.assignee === null) {
      if (action.assigneeId) {
        data.assigneeId = null;
        await recordSyncEvent(tx, action.id, "IN", "assignee-changed", { to: null, source });
        made.push("assignee");
      }
    } else {
      const email = change.assignee.email?.trim().toLowerCase();
      const user = email ? await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" }, deactivatedAt: null }, select: { id: true, name: true } }) : null;
      if (user && user.id !== action.assigneeId) {
        data.assigneeId = user.id;
        await recordSyncEvent(tx, action.id, "IN", "assignee-changed", { to: user.id, name: user.name ?? email ?? null, matched: true, source });
        made.push("assignee");
      } else if (!user && (await lastUnmatchedAssignee(tx, action.id)) !== personName(change.assignee)) {
        // Nobody in Debrief to assign: keep the assignee and name the tracker's in the history.
        await recordSyncEvent(tx, action.id, "IN", "assignee-changed", { external: personName(change.assignee), matched: false, source });
        made.push("assignee");
      }
    }
  }

  if (change.dueDate !== undefined && change.dueDate !== isoDay(action.dueDate)) {
    data.dueDate = change.dueDate ? new Date(`${change.dueDate}T00:00:00.000Z`) : null;
    await recordSyncEvent(tx, action.id, "IN", "due-date-changed", { from: isoDay(action.dueDate), to: change.dueDate, source });
    made.push("dueDate");
  }

  await tx.actionItem.update({ where: { id: action.id }, data });
  return made;
}

async function lastUnmatchedAssignee(tx: Tx, actionId: string): Promise<string | null> {
  const last = await tx.actionSyncEvent.findFirst({ where: { actionId, direction: "IN", kind: "assignee-changed" }, orderBy: { createdAt: "desc" }, select: { detail: true } });
  const detail = (last?.detail ?? {}) as { external?: string; matched?: boolean };
  return detail.matched === false ? (detail.external ?? null) : null;
}
