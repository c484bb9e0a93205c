/**
 * Tiptap JSON → Atlassian Document Format (Jira Cloud's rich text, REST API v3). Tiptap's and
 * ADF's node models are close relatives (both come from ProseMirror); the differences handled here
 * are names (bold → strong, horizontalRule → rule), list numbering (`order`), and ADF's refusal of
 * empty text nodes and of blocks directly inside list items other than paragraphs and lists.
 */
import type { DocMark, DocNode } from "../../editor/doc";

export type AdfMark = { type: "strong" | "em" | "strike" | "code" | "underline" | "link"; attrs?: { href: string } };
export type AdfNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
};
export type AdfDoc = { version: 1; type: "doc"; content: AdfNode[] };

const MARK: Record<DocMark["type"], AdfMark["type"]> = { bold: "strong", italic: "em", strike: "strike", code: "code", underline: "underline", link: "link" };

function marks(list: DocMark[] | undefined): AdfMark[] | undefined {
  if (!list?.length) return undefined;
  const code = list.some((m) => m.type === "code");
  const out = list
    // ADF allows only `link` beside `code`.
    .filter((m) => !code || m.type === "code" || m.type === "link")
    .filter((m) => m.type !== "link" || Boolean(m.attrs?.href))
    .map((m): AdfMark => (m.type === "link" ? { type: "link", attrs: { href: m.attrs!.href! } } : { type: MARK[m.type] }));
  return out.length ? out : undefined;
}

function inline(nodes: DocNode[] | undefined): AdfNode[] {
  const out: AdfNode[] = [];
  for (const n of nodes ?? []) {
    if (n.type === "hardBreak") out.push({ type: "hardBreak" });
    else if (n.type === "text") {
      if (!n.text) continue;
      const m = marks(n.marks);
      out.push(m ? { type: "text", text: n.text, marks: m } : { type: "text", text: n.text });
    } else out.push(...inline(n.content));
  }
  return out;
}

const paragraph = (content: AdfNode[]): AdfNode => (content.length ? { type: "paragraph", content } : { type: "paragraph" });

function listItem(node: DocNode): AdfNode {
  const content: AdfNode[] = [];
  for (const child of node.content ?? []) {
    if (child.type === "bulletList" || child.type === "orderedList") content.push(block(child));
    else if (child.type === "paragraph" || child.type === "heading" || child.type === "blockquote" || child.type === "codeBlock") {
      // Inside a list item ADF takes paragraphs, lists and code blocks: headings and quotes become paragraphs.
      content.push(child.type === "codeBlock" ? block(child) : paragraph(inline(flatten(child))));
    }
  }
  return { type: "listItem", content: content.length ? content : [paragraph([])] };
}

/** The inline content of a block, with nested blocks' text joined by hard breaks. */
function flatten(node: DocNode): DocNode[] {
  if (node.type === "paragraph" || node.type === "heading") return node.content ?? [];
  return (node.content ?? []).flatMap((c, i) => [...(i ? [{ type: "hardBreak" as const }] : []), ...flatten(c)]);
}

function block(node: DocNode): AdfNode {
  switch (node.type) {
    case "heading":
      return { type: "heading", attrs: { level: Math.min(6, Math.max(1, Number(node.attrs?.level ?? 2))) }, content: inline(node.content) };
    case "blockquote":
      return { type: "blockquote", content: (node.content ?? []).filter((c) => c.type === "paragraph" || c.type === "bulletList" || c.type === "orderedList").map(block) };
    case "codeBlock": {
      const text = (node.content ?? []).map((c) => c.text ?? "").join("");
      const language = typeof node.attrs?.language === "string" && node.attrs.language ? { language: node.attrs.language } : undefined;
      return { type: "codeBlock", ...(language ? { attrs: language } : {}), content: text ? [{ type: "text", text }] : [] };
    }
    case "horizontalRule":
      return { type: "rule" };
    case "bulletList":
      return { type: "bulletList", content: (node.content ?? []).map(listItem) };
    case "orderedList":
      return { type: "orderedList", attrs: { order: Number(node.attrs?.start ?? 1) || 1 }, content: (node.content ?? []).map(listItem) };
    default:
      return paragraph(inline(node.content));
  }
}

/** The document as ADF. */
export function toAdf(doc: DocNode): AdfDoc {
  return { version: 1, type: "doc", content: (doc.type === "doc" ? (doc.content ?? []) : [doc]).map(block) };
}

/** ADF's plain text (for tests and searches). */
export function adfText(node: AdfNode | AdfDoc): string {
  if ("text" in node && node.text) return node.text;
  return (node.content ?? []).map((c) => adfText(c)).join(node.type === "doc" ? "\n" : "");
}
