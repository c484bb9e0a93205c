import { appUrl } from "../env";
import { docFromText, docSchema, type DocNode } from "../editor/doc";
import { isoDay, type IssueInput } from "./provider";

type ActionRow = {
  id: string;
  title: string;
  description: unknown;
  descriptionText: string;
  priority: IssueInput["priority"];
  kind: string;
  status: IssueInput["status"];
  dueDate: Date | null;
  review: { id: string; title: string };
};

/** What the tracker gets for an action, with the link back to the review's actions. */
export function issueInputOf(action: ActionRow): IssueInput {
  const parsed = docSchema.safeParse(action.description);
  const description: DocNode = parsed.success ? parsed.data : docFromText(action.descriptionText);
  return {
    actionId: action.id,
    title: action.title,
    description,
    priority: action.priority,
    kind: action.kind,
    status: action.status,
    dueDate: isoDay(action.dueDate),
    review: { title: action.review.title, url: `${appUrl()}/reviews/${action.review.id}/actions` },
  };
}
