/**
 * The body of an issue Debrief creates: the action's description in the tracker's format, then a
 * short block with the link back to the review, priority, kind, due date and the idempotency
 * marker (`debrief-action:<id>`) that lets a retry find the issue instead of creating a second one.
 */
import { docText } from "../../editor/doc";
import { markerFor, type IssueInput } from "../provider";
import { toAdf, type AdfDoc, type AdfNode } from "./adf";
import { toMarkdown } from "./markdown";

const META_START = "<!-- debrief:meta -->";
const META_END = "<!-- /debrief:meta -->";
const PRIORITY_WORD = { HIGH: "high", MEDIUM: "medium", LOW: "low" } as const;

function facts(input: IssueInput): string[] {
  return [`priority ${PRIORITY_WORD[input.priority]}`, `kind ${input.kind.toLowerCase()}`, ...(input.dueDate ? [`due ${input.dueDate}`] : [])];
}

/** The Markdown meta block (replaced as a whole when the action changes). */
export function markdownMeta(input: IssueInput): string {
  const title = input.review.title.replace(/[[\]]/g, "");
  return [
    META_START,
    `> **Improvement action from a Debrief review:** [${title}](${input.review.url}) · ${facts(input).join(" · ")}`,
    `> <sub>Reference \`${markerFor(input.actionId)}\` — keep it so Debrief can find this issue again.</sub>`,
    META_END,
  ].join("\n");
}

/** Markdown body: description, then the meta block. */
export function markdownBody(input: IssueInput): string {
  const description = toMarkdown(input.description);
  return `${description ? `${description}\n\n` : ""}${markdownMeta(input)}\n`;
}

/** The body with its meta block replaced (or appended when someone deleted it). Edits elsewhere are kept. */
export function replaceMarkdownMeta(body: string | null | undefined, input: IssueInput): string {
  const current = body ?? "";
  const start = current.indexOf(META_START);
  const end = current.indexOf(META_END);
  if (start >= 0 && end > start) return current.slice(0, start) + markdownMeta(input) + current.slice(end + META_END.length);
  return `${current.trimEnd()}${current.trim() ? "\n\n" : ""}${markdownMeta(input)}\n`;
}

/** The due date written in a Markdown meta block, if any. */
export function dueDateFromMarkdown(body: string | null | undefined): string | null {
  const start = body?.indexOf(META_START) ?? -1;
  if (!body || start < 0) return null;
  return /· due (\d{4}-\d{2}-\d{2})/.exec(body.slice(start))?.[1] ?? null;
}

/** ADF body (Jira Cloud): description, a rule, the link back and the marker. */
export function adfBody(input: IssueInput): AdfDoc {
  const doc = toAdf(input.description);
  const content = doc.content.filter((n) => n.type !== "paragraph" || n.content?.length);
  const meta: AdfNode[] = [
    { type: "rule" },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Improvement action from a Debrief review: ", marks: [{ type: "strong" }] },
        { type: "text", text: input.review.title, marks: [{ type: "link", attrs: { href: input.review.url } }] },
        { type: "text", text: ` · ${facts(input).join(" · ")}` },
      ],
    },
    { type: "paragraph", content: [{ type: "text", text: `Reference ${markerFor(input.actionId)} — keep it so Debrief can find this issue again.` }] },
  ];
  return { version: 1, type: "doc", content: [...content, ...meta] };
}

/** Plain-text body (Jira Data Center's wiki-markup field, where ADF is not accepted). */
export function plainBody(input: IssueInput): string {
  const description = docText(input.description);
  return [
    ...(description ? [description, ""] : []),
    "----",
    `Improvement action from a Debrief review: [${input.review.title.replace(/[[\]|]/g, "")}|${input.review.url}] · ${facts(input).join(" · ")}`,
    `Reference ${markerFor(input.actionId)} — keep it so Debrief can find this issue again.`,
  ].join("\n");
}
