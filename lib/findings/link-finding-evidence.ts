import type { Actor } from "../policies/types";
import { updateFinding } from "./update-finding";

/** Links a shared timeline entry to a finding it supports. */
export async function linkFindingEvidence(actor: Actor, reviewId: string, findingId: string, timelineEntryId: string) {
  return updateFinding(actor, reviewId, findingId, { link: [timelineEntryId] });
}
