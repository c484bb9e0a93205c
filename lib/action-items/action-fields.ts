/**
 * An improvement action's fields: their values, labels and the zod schemas the use cases share.
 * Pure (no database), so client components use the same labels and limits.
 */
import { z } from "zod";
import { docSchema, type DocNode } from "../editor/doc";

export const ACTION_PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export const ACTION_KINDS = ["FIX", "MITIGATION", "DETECTION", "PROCESS", "LEARNING"] as const;
export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"] as const;
export const SYNC_STATES = ["LOCAL", "PENDING", "SYNCED", "FAILED"] as const;

export type ActionPriorityName = (typeof ACTION_PRIORITIES)[number];
export type ActionKindName = (typeof ACTION_KINDS)[number];
export type ActionStatusName = (typeof ACTION_STATUSES)[number];
export type SyncStateName = (typeof SYNC_STATES)[number];

export const PRIORITY_LABEL: Record<ActionPriorityName, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };
export const KIND_LABEL: Record<ActionKindName, string> = {
  FIX: "Fix",
  MITIGATION: "Mitigation",
  DETECTION: "Detection",
  PROCESS: "Process",
  LEARNING: "Learning",
};
export const KIND_HINT: Record<ActionKindName, string> = {
  FIX: "Removes a contributing factor.",
  MITIGATION: "Makes the next incident of this kind smaller.",
  DETECTION: "Lets us notice sooner.",
  PROCESS: "Changes how we work together.",
  LEARNING: "Spreads what we learned: a write-up, a drill, a talk.",
};
export const STATUS_LABEL: Record<ActionStatusName, string> = { OPEN: "Open", IN_PROGRESS: "In progress", DONE: "Done", WONT_DO: "Won't do" };
export const SYNC_LABEL: Record<SyncStateName, string> = { LOCAL: "Not in a tracker", PENDING: "Sending to the tracker", SYNCED: "In the tracker", FAILED: "Tracker sync failed" };

/** Statuses that end an action's lead time. */
export const CLOSED_STATUSES: readonly ActionStatusName[] = ["DONE", "WONT_DO"];
export const isClosed = (status: ActionStatusName) => CLOSED_STATUSES.includes(status);

export const TITLE_MAX = 200;
export const MAX_FINDINGS = 50;

export const actionTitleSchema = z
  .string({ error: "Give the action a title." })
  .trim()
  .min(1, "Give the action a title: what will be done.")
  .max(TITLE_MAX, `At most ${TITLE_MAX} characters.`);
export const actionDescriptionSchema = docSchema.describe("What will be done and how anyone will know it is done (Tiptap JSON).");
export const actionPrioritySchema = z.enum(ACTION_PRIORITIES, { error: "The priority is HIGH, MEDIUM or LOW." });
export const actionKindSchema = z.enum(ACTION_KINDS, { error: `The kind is one of ${ACTION_KINDS.join(", ")}.` });
export const actionStatusSchema = z.enum(ACTION_STATUSES, { error: `The status is one of ${ACTION_STATUSES.join(", ")}.` });
const idSchema = (what: string) => z.string({ error: `Give ${what}.` }).trim().min(1, `Give ${what}.`).max(100, `That is not ${what}.`);
export const teamIdSchema = idSchema("the owning team's id").describe("The team that owns the action (required): it goes into this team's backlog.");
export const assigneeIdSchema = idSchema("a person's id").nullable().describe("The person doing it (any active member of the organisation); null for nobody yet.");
export const findingIdsSchema = z.array(idSchema("a finding's id")).max(MAX_FINDINGS, `At most ${MAX_FINDINGS} findings.`);

/** A calendar date, "YYYY-MM-DD"; stored as midnight UTC. */
export const dueDateSchema = z.iso
  .date({ error: "Give the due date as YYYY-MM-DD, e.g. 2026-12-01." })
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .nullable()
  .describe("The day it is due (YYYY-MM-DD), or null for none.");

/** A stored due date as the API and forms show it. */
export const dueDateText = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Midnight UTC of `now`'s day: an action is overdue when it is still open and due before it. */
export const startOfDayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export function isOverdue(a: { dueDate: Date | null; status: ActionStatusName }, now: Date): boolean {
  return !!a.dueDate && !isClosed(a.status) && a.dueDate < startOfDayUtc(now);
}

/** An empty description (a document with one empty paragraph). */
export const EMPTY_DESCRIPTION: DocNode = { type: "doc", content: [{ type: "paragraph" }] };
