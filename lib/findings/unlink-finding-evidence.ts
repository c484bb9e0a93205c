import type { Actor } from "../policies/types";
import { updateFinding } from "./update-finding";

/** Removes a shared timeline entry from a finding's supporting evidence (the entry stays in the timeline). */
export async function unlinkFindingEvidence(actor: Actor, reviewId: string, findingId: string, timelineEntryId: string) {
  return updateFinding(actor, reviewId, findingId, { unlink: [timelineEntryId] });
}
