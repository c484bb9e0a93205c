/**
 * Findings and their action plan: every finding gets at least one action, or a recorded decision
 * that it needs none (with the reason), so nothing the group learned is silently dropped. What
 * went well needs no decision (it is there to keep, not to fix), though it may get actions.
 */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import type { Tx } from "../db/client";
import type { FindingCategoryName } from "../findings/categories";
import type { Actor } from "../policies/types";

export const NO_ACTION_REASON_MAX = 1000;

export const noActionReasonSchema = z
  .string({ error: "Say why no action is needed." })
  .trim()
  .min(1, "Say why no action is needed, e.g. “Already fixed during the incident” or “An accepted risk: the vendor's SLA covers it”.")
  .max(NO_ACTION_REASON_MAX, `At most ${NO_ACTION_REASON_MAX.toLocaleString("en")} characters.`);

/** Whether a finding of this category should have actions or a "no action needed" decision. */
export const needsDecision = (category: FindingCategoryName) => category !== "WENT_WELL";

/** Clears the "no action needed" decision of findings that now have an action (audited), inside the caller's transaction. */
export async function clearNoActionOf(tx: Tx, actor: Actor, reviewId: string, findingIds: string[]): Promise<void> {
  if (!findingIds.length) return;
  const decided = await tx.finding.findMany({ where: { id: { in: findingIds }, noActionAt: { not: null } }, select: { id: true } });
  if (!decided.length) return;
  await tx.finding.updateMany({ where: { id: { in: decided.map((f) => f.id) } }, data: { noActionReason: null, noActionAt: null } });
  for (const f of decided) await recordAuditEvent(tx, { type: "finding.no_action_cleared", actorId: actor.id, reviewId, subjectId: f.id, data: { via: "action" } });
}
