/**
 * What a backlog row shows, and nothing more: the page hands fifty of these to the client board,
 * and each travels twice (rendered into the HTML, and again as the RSC payload the browser
 * hydrates from), so the list's fields the row never reads (rank, kind, ids, abilities it does not
 * offer, sync times) stay on the server. Not a client module: the page calls `toRowItem`.
 */
import type { ActionPriorityName, ActionStatusName } from "@/lib/action-items/action-fields";
import type { BacklogItem } from "@/lib/action-items/list-backlog";
import { FINDING_CATEGORY_LABEL } from "@/lib/findings/categories";

export type BacklogRowItem = {
  id: string;
  title: string;
  priority: ActionPriorityName;
  status: ActionStatusName;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  overdue: boolean;
  agreed: boolean;
  review: { id: string; title: string; visible: boolean };
  /** Who has it (name, else e-mail), or null when unassigned. */
  assignee: string | null;
  /** The categories of the findings it addresses, as one line ("" when none). */
  categories: string;
  sync: { state: BacklogItem["sync"]["state"]; externalKey: string | null; externalUrl: string | null; error: string | null };
  /** Whether the reader may change its priority, its status. */
  can: { prioritise: boolean; updateProgress: boolean };
};

export function toRowItem(item: BacklogItem): BacklogRowItem {
  return {
    id: item.id,
    title: item.title,
    priority: item.priority,
    status: item.status,
    dueDate: item.dueDate,
    overdue: item.overdue,
    agreed: item.agreed,
    review: { id: item.review.id, title: item.review.title, visible: item.review.visible },
    assignee: item.assignee ? (item.assignee.name ?? item.assignee.email) : null,
    categories: item.categories.map((c) => FINDING_CATEGORY_LABEL[c]).join(", "),
    sync: { state: item.sync.state, externalKey: item.sync.externalKey, externalUrl: item.sync.externalUrl, error: item.sync.error },
    can: { prioritise: item.abilities.prioritise, updateProgress: item.abilities.updateProgress },
  };
}
