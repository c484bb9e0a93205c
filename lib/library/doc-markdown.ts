/**
 * A stored Tiptap document as Markdown (CommonMark), for the report's Markdown export. Text is
 * escaped so nothing in it turns into formatting or HTML; links keep http(s)/mailto targets only.
 */
import { isSafeHref, type DocMark, type DocNode } from "../editor/doc";

/** Escapes Markdown's special characters in inline text (and HTML's `<`, `>` and `&`). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^(\s*)([-=])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

function wrap(text: string, marks: DocMark[] | undefined): string {
  let out = text;
  for (const mark of marks ?? []) {
    if (!out.trim()) break;
    if (mark.type === "bold") out = `**${out}**`;
    else if (mark.type === "italic") out = `*${out}*`;
    else if (mark.type === "strike") out = `~~${out}~~`;
    else if (mark.type === "link" && mark.attrs?.href && isSafeHref(mark.attrs.href)) out = `[${out}](<${mark.attrs.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  }
  return out;
}

function inline(node: DocNode): string {
  return (node.content ?? [])
    .map((c) => {
      if (c.type === "hardBreak") return "  \n";
      if (c.type !== "text") return inline(c);
      const code = c.marks?.some((m) => m.type === "code");
      const text = c.text ?? "";
      const base = code ? `\`${text.replace(/`/g, "ˋ")}\`` : escapeMarkdown(text);
      return wrap(base, c.marks?.filter((m) => m.type !== "code"));
    })
    .join("");
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? line : line ? `${" ".repeat(prefix.length)}${line}` : line))
    .join("\n");
}

function block(node: DocNode): string {
  switch (node.type) {
    case "paragraph":
      return inline(node);
    case "heading":
      return `${node.attrs?.level === 2 ? "###" : "####"} ${inline(node)}`;
    case "bulletList":
    case "orderedList":
      return (node.content ?? [])
        .map((item, i) => {
          const prefix = node.type === "bulletList" ? "- " : `${i + 1}. `;
          return `${prefix}${indent(blocks(item).replace(/\n\n/g, "\n"), prefix)}`;
        })
        .join("\n");
    case "blockquote":
      return blocks(node)
        .split("\n")
        .map((l) => (l ? `> ${l}` : ">"))
        .join("\n");
    case "codeBlock": {
      const text = (node.content ?? []).map((c) => c.text ?? "").join("");
      const fence = text.includes("```") ? "~~~~" : "```";
      return `${fence}\n${text}\n${fence}`;
    }
    case "horizontalRule":
      return "---";
    default:
      return inline(node);
  }
}

function blocks(node: DocNode): string {
  return (node.content ?? [])
    .map(block)
    .filter((b) => b.trim() !== "")
    .join("\n\n");
}

/** The document as Markdown; headings start at level 3 (the report's sections are level 2). */
export function docToMarkdown(doc: DocNode | null | undefined): string {
  if (!doc?.content?.length) return "";
  return blocks(doc).trim();
}
