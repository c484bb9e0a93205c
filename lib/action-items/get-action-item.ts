import type { Actor } from "../policies/types";
import { loadAction } from "./action-access";
import { toActionView } from "./action-view";

/** One action, for its review's readers, its team and its assignee. */
export async function getActionItem(actor: Actor, id: string) {
  const { action, abilities } = await loadAction(actor, id);
  return toActionView(action, abilities);
}
