/**
 * The report's own words — summary, impact, tags — and its audience (visibility), with the
 * facilitator's confirmation that it holds no sensitive content: their schemas and the one
 * function that saves them (audited), shared by preparing, publishing and later corrections.
 */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import type { Tx } from "../db/client";
import type { ReviewVisibility } from "../policies/types";

export const VISIBILITIES = ["PARTICIPANTS", "TEAM", "ORGANISATION"] as const satisfies readonly ReviewVisibility[];
export const VISIBILITY_LABEL: Record<ReviewVisibility, string> = {
  PARTICIPANTS: "Participants only",
  TEAM: "The owning team",
  ORGANISATION: "The whole organisation",
};
export const VISIBILITY_HINT: Record<ReviewVisibility, string> = {
  PARTICIPANTS: "Only the people who took part (and admins) can read it.",
  TEAM: "The owning team's members and the participants can read it.",
  ORGANISATION: "Everyone in the organisation finds it in the library — the way other teams learn from it.",
};

export const SUMMARY_MAX = 2000;
export const IMPACT_MAX = 2000;
export const TAGS_MAX = 10;
const TAG_MAX = 40;

/** A tag as stored: lower case, words joined by hyphens, letters and digits only ("on-call", "tls"). */
export function normaliseTag(tag: string): string {
  return tag
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, TAG_MAX);
}

/** Tags from a list or a comma-separated string (the form), normalised and without repeats. */
export const tagsSchema = z
  .union([z.string(), z.array(z.string())], { error: "Give tags as a list of words, or separated by commas." })
  .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(",")).map(normaliseTag).filter(Boolean))])
  .pipe(z.array(z.string()).max(TAGS_MAX, `At most ${TAGS_MAX} tags.`))
  .describe(`Up to ${TAGS_MAX} tags (e.g. "tls", "on-call"); stored lower case with hyphens. A comma-separated string is accepted too.`);

export const summarySchema = z
  .string({ error: "Write a summary." })
  .trim()
  .max(SUMMARY_MAX, `At most ${SUMMARY_MAX.toLocaleString("en")} characters.`)
  .describe("Two or three sentences: what happened and what was learned. Shown in the library.");
export const impactSchema = z
  .string()
  .trim()
  .max(IMPACT_MAX, `At most ${IMPACT_MAX.toLocaleString("en")} characters.`)
  .describe("Who and what was affected, for how long.");
export const visibilitySchema = z
  .enum(VISIBILITIES, { error: "The audience is PARTICIPANTS, TEAM or ORGANISATION." })
  .describe("Who may read the published review: its participants, the owning team, or the whole organisation.");

/** A checkbox ("on"), a boolean or "true"/"false". */
const checkbox = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" || v === "" ? false : v), z.boolean({ error: "Give true or false." }));

export const reportDetailsSchema = z.object({
  summary: summarySchema.optional(),
  impact: impactSchema.optional(),
  tags: tagsSchema.optional(),
  visibility: visibilitySchema.optional(),
  sensitiveReviewed: checkbox.optional().describe("The facilitator checked the report for secrets, customer data and personal details."),
});
export type ReportDetailsInput = z.output<typeof reportDetailsSchema>;

type Current = { id: string; summary: string | null; impact: string | null; tags: string[]; visibility: ReviewVisibility; sensitiveReviewedAt: Date | null };

/**
 * Saves what changed of `input` (summary and impact "" clear them) and audits the fields, inside
 * `tx`; returns the changed field names.
 */
export async function saveReportDetails(tx: Tx, actorId: string, current: Current, input: ReportDetailsInput, published: boolean): Promise<string[]> {
  const data: { summary?: string | null; impact?: string | null; tags?: string[]; visibility?: ReviewVisibility; sensitiveReviewedAt?: Date | null } = {};
  if (input.summary !== undefined && (input.summary || null) !== current.summary) data.summary = input.summary || null;
  if (input.impact !== undefined && (input.impact || null) !== current.impact) data.impact = input.impact || null;
  if (input.tags !== undefined && input.tags.join("\n") !== current.tags.join("\n")) data.tags = input.tags;
  if (input.visibility !== undefined && input.visibility !== current.visibility) data.visibility = input.visibility;
  if (input.sensitiveReviewed !== undefined && input.sensitiveReviewed !== (current.sensitiveReviewedAt !== null)) {
    data.sensitiveReviewedAt = input.sensitiveReviewed ? new Date() : null;
  }
  const fields = Object.keys(data).map((k) => (k === "sensitiveReviewedAt" ? "sensitiveReviewed" : k));
  if (!fields.length) return fields;
  await tx.review.update({ where: { id: current.id }, data });
  await recordAuditEvent(tx, { type: "review.report_updated", actorId, reviewId: current.id, subjectId: current.id, data: { fields, published } });
  return fields;
}
