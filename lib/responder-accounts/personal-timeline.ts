/**
 * A responder's personal timeline: timestamped entries beside their narrative, editable until
 * the account is submitted (and never after the reveal).
 */
import { z } from "zod";
import { db } from "../db/client";
import { isSafeHref } from "../editor/doc";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { isValidTimeZone } from "../ui/time";
import { assertMayWrite, loadOwnAccount } from "./account-context";

export const TIMELINE_KINDS = ["OBSERVATION", "ACTION", "DECISION", "COMMUNICATION", "ALERT"] as const;
export const TIMELINE_KIND_LABEL: Record<(typeof TIMELINE_KINDS)[number], string> = {
  OBSERVATION: "Observation",
  ACTION: "Action",
  DECISION: "Decision",
  COMMUNICATION: "Communication",
  ALERT: "Alert",
};

const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const EARLIEST = new Date("2000-01-01T00:00:00Z");

export const timelineEntrySchema = z.object({
  occurredAt: z.coerce
    .date({ error: "Give the time as an ISO 8601 date-time, e.g. 2026-11-20T14:05:00+01:00." })
    .refine((d) => d.getTime() <= Date.now() + MAX_FUTURE_MS, { message: "That time is in the future. Check the date." })
    .refine((d) => d >= EARLIEST, { message: "That time is too far in the past. Check the date." }),
  timezone: z
    .string()
    .default("UTC")
    .refine((tz) => isValidTimeZone(tz), { message: "Unknown timezone." }),
  description: z.string().trim().min(1, "Say what happened.").max(2000, "At most 2,000 characters."),
  kind: z.enum(TIMELINE_KINDS, { error: "The kind is one of observation, action, decision, communication or alert." }),
  evidenceUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => isSafeHref(u) && !u.toLowerCase().startsWith("mailto:"), { message: "Evidence links must start with http:// or https://." })
    .optional(),
});

export type TimelineEntryInput = z.output<typeof timelineEntrySchema>;

async function writableAccount(actor: Actor, reviewId: string) {
  const { account, accountFacts } = await loadOwnAccount(actor, reviewId);
  assertMayWrite(actor, accountFacts);
  if (account?.status === "SUBMITTED") throw new AppError("CONFLICT", "Your account is submitted. Reopen it to change your timeline.");
  return account;
}

export async function listMyTimeline(actor: Actor, reviewId: string) {
  const { account } = await loadOwnAccount(actor, reviewId);
  if (!account) return [];
  return db().timelineEntry.findMany({ where: { accountId: account.id }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] });
}

/** Adds an entry; the account is created (empty) if the responder starts with the timeline. */
export async function addTimelineEntry(actor: Actor, reviewId: string, input: TimelineEntryInput) {
  const account =
    (await writableAccount(actor, reviewId)) ??
    (await db().responderAccount.upsert({
      where: { reviewId_authorId: { reviewId, authorId: actor.id } },
      update: {},
      create: { reviewId, authorId: actor.id, content: { type: "doc", content: [{ type: "paragraph" }] }, version: 0 },
    }));
  const [entry] = await db().$transaction([
    db().timelineEntry.create({ data: { reviewId, accountId: account.id, authorId: actor.id, ...input, evidenceUrl: input.evidenceUrl || null } }),
    db().responderAccount.update({ where: { id: account.id }, data: { lastEditedAt: new Date() } }),
  ]);
  return entry;
}

async function ownEntry(actor: Actor, reviewId: string, entryId: string) {
  const account = await writableAccount(actor, reviewId);
  const entry = account ? await db().timelineEntry.findFirst({ where: { id: entryId, accountId: account.id } }) : null;
  if (!entry || !account) throw AppError.notFound("Timeline entry");
  return { entry, account };
}

export async function updateTimelineEntry(actor: Actor, reviewId: string, entryId: string, input: TimelineEntryInput) {
  const { account } = await ownEntry(actor, reviewId, entryId);
  const [entry] = await db().$transaction([
    db().timelineEntry.update({ where: { id: entryId }, data: { ...input, evidenceUrl: input.evidenceUrl || null } }),
    db().responderAccount.update({ where: { id: account.id }, data: { lastEditedAt: new Date() } }),
  ]);
  return entry;
}

export async function deleteTimelineEntry(actor: Actor, reviewId: string, entryId: string) {
  const { account } = await ownEntry(actor, reviewId, entryId);
  await db().$transaction([
    db().timelineEntry.delete({ where: { id: entryId } }),
    db().responderAccount.update({ where: { id: account.id }, data: { lastEditedAt: new Date() } }),
  ]);
}
