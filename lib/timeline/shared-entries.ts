/**
 * The review's shared timeline: what the group agrees happened, built in the session from the
 * personal entries (promoted, merged) and new ones. Shared entries have no account (accountId
 * null), may mark a key moment of the incident, and remember the personal entries they came from.
 * Their input rules are the personal timeline's (lib/responder-accounts/personal-timeline.ts).
 */
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { timelineEntrySchema } from "../responder-accounts/personal-timeline";
import { isValidTimeZone } from "../ui/time";

export const KEY_MOMENTS = ["DETECTION", "DIAGNOSIS", "REPAIR", "OTHER"] as const;
export type KeyMomentName = (typeof KEY_MOMENTS)[number];
export const KEY_MOMENT_LABEL: Record<KeyMomentName, string> = { DETECTION: "Detection", DIAGNOSIS: "Diagnosis", REPAIR: "Repair", OTHER: "Other key moment" };

export const keyMomentSchema = z
  .enum(KEY_MOMENTS, { error: "The key moment is one of DETECTION, DIAGNOSIS, REPAIR or OTHER." })
  .describe("The moment of the incident this entry marks: detection, diagnosis, repair or other.");

const entryId = z.string().trim().min(1, "Give an entry id.").max(100, "That is not an entry id.");
export const entryIdsSchema = (max: number) => z.array(entryId).max(max, `At most ${max} entries.`);

/** A new shared entry: the personal timeline's fields, a key moment, and the personal entries it is based on. */
export const addSharedEntrySchema = timelineEntrySchema.extend({
  keyMoment: keyMomentSchema.nullable().optional(),
  sourceEntryIds: entryIdsSchema(50).optional().describe("Personal timeline entries (of revealed accounts) this entry is based on."),
});
export type AddSharedEntryInput = z.output<typeof addSharedEntrySchema>;

export const promoteTimelineEntrySchema = z.object({
  promoteEntryId: entryId.describe("A personal timeline entry of a revealed account, copied into the shared timeline."),
  keyMoment: keyMomentSchema.nullable().optional(),
});
export type PromoteTimelineEntryInput = z.output<typeof promoteTimelineEntrySchema>;

const fields = timelineEntrySchema.shape;
/** A change to a shared entry: only the fields sent change; `evidenceUrl: null` and `keyMoment: null` remove them. */
export const updateSharedEntrySchema = z
  .object({
    occurredAt: fields.occurredAt.optional(),
    timezone: z.string().refine((tz) => isValidTimeZone(tz), { message: "Unknown timezone." }).optional(),
    description: fields.description.optional(),
    kind: fields.kind.optional(),
    evidenceUrl: fields.evidenceUrl.unwrap().nullable().optional(),
    keyMoment: keyMomentSchema.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateSharedEntryInput = z.output<typeof updateSharedEntrySchema>;

/** What is loaded with a shared entry to show it. */
export const sharedEntryInclude = { findings: { select: { findingId: true } } } as const;

type SharedEntryRow = {
  id: string;
  occurredAt: Date;
  timezone: string;
  description: string;
  kind: "OBSERVATION" | "ACTION" | "DECISION" | "COMMUNICATION" | "ALERT";
  evidenceUrl: string | null;
  keyMoment: KeyMomentName | null;
  sourceEntryIds: string[];
  createdAt: Date;
  updatedAt: Date;
  findings: { findingId: string }[];
};

/** A shared entry as the API and pages show it. Who added it is in the audit log, not here: the timeline is the group's. */
export function toSharedEntryView(e: SharedEntryRow, commentCount = 0) {
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    timezone: e.timezone,
    description: e.description,
    kind: e.kind,
    evidenceUrl: e.evidenceUrl,
    keyMoment: e.keyMoment,
    sourceEntryIds: e.sourceEntryIds,
    findingIds: e.findings.map((f) => f.findingId),
    commentCount,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
export type SharedEntryView = ReturnType<typeof toSharedEntryView>;

/** A shared entry of this review, or 404 (personal entries and other reviews' entries included). */
export async function loadSharedEntry(reviewId: string, id: string, tx?: Tx) {
  const entry = await (tx ?? db()).timelineEntry.findFirst({ where: { id, reviewId, accountId: null }, include: sharedEntryInclude });
  if (!entry) throw AppError.notFound("Timeline entry");
  return entry;
}

/** The number of comments on each of `ids` (shared entries or findings). */
export async function commentCounts(reviewId: string, targetType: "TIMELINE_ENTRY" | "FINDING", ids: string[], tx?: Tx) {
  if (!ids.length) return new Map<string, number>();
  const rows = await (tx ?? db()).comment.groupBy({ by: ["targetId"], where: { reviewId, targetType, targetId: { in: ids } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.targetId, r._count._all]));
}

/**
 * Serialises changes to one review's shared timeline (held until the transaction ends), so two
 * people promoting the same entry or merging overlapping entries at once cannot both succeed.
 */
export async function lockSharedTimeline(tx: Tx, reviewId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`debrief:timeline:${reviewId}`}))`;
}

/** A VALIDATION_FAILED naming the ids that are not what the field needs. */
export function unknownIds(field: string, missing: string[], what: string): AppError {
  return new AppError("VALIDATION_FAILED", `Unknown ${what}: ${missing.slice(0, 5).join(", ")}.`, {
    fields: { [field]: [`Not ${what} of this review: ${missing.slice(0, 5).join(", ")}.`] },
  });
}
