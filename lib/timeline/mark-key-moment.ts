import type { Actor } from "../policies/types";
import type { KeyMomentName } from "./shared-entries";
import { updateSharedEntry } from "./update-shared-entry";

/** Marks a shared entry as a key moment of the incident (detection, diagnosis, repair, other), or unmarks it with null. */
export async function markKeyMoment(actor: Actor, reviewId: string, entryId: string, keyMoment: KeyMomentName | null) {
  return updateSharedEntry(actor, reviewId, entryId, { keyMoment });
}
