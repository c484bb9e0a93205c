/**
 * Tiptap JSON → GitHub-flavoured Markdown (GitHub Issues, Linear, the generic webhook). Covers
 * every node and mark Debrief's editor produces (lib/editor/doc.ts); text is escaped so a title
 * like "*not* a list" stays literal.
 */
import type { DocMark, DocNode } from "../../editor/doc";

const ESCAPE = /([\\`*_{}[\]<>#+!|~])/g;

function escapeText(text: string): string {
  return text.replace(ESCAPE, "\\$1");
}

function wrap(text: string, marks: DocMark[] | undefined): string {
  if (!marks?.length || !text) return text;
  const code = marks.some((m) => m.type === "code");
  let out = code ? (text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``) : escapeText(text);
  for (const mark of marks) {
    if (mark.type === "bold") out = `**${out}**`;
    else if (mark.type === "italic") out = `_${out}_`;
    else if (mark.type === "strike") out = `~~${out}~~`;
    else if (mark.type === "underline") out = `<ins>${out}</ins>`;
  }
  const link = marks.find((m) => m.type === "link")?.attrs?.href;
  return link ? `[${out}](${link.replace(/[()\s]/g, encodeURIComponent)})` : out;
}

function inline(nodes: DocNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => {
      if (n.type === "hardBreak") return "  \n";
      if (n.type === "text") return n.marks?.length ? wrap(n.text ?? "", n.marks) : escapeText(n.text ?? "");
      return inline(n.content);
    })
    .join("");
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? first : line ? prefix : prefix.trimEnd()) + line)
    .join("\n");
}

function block(node: DocNode): string {
  switch (node.type) {
    case "paragraph":
      return inline(node.content);
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 2)));
      return `${"#".repeat(level)} ${inline(node.content)}`;
    }
    case "blockquote":
      return indent(blocks(node.content), "> ");
    case "codeBlock": {
      const text = (node.content ?? []).map((c) => c.text ?? "").join("");
      const fence = text.includes("```") ? "~~~~" : "```";
      const language = typeof node.attrs?.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : "";
      return `${fence}${language}\n${text}\n${fence}`;
    }
    case "horizontalRule":
      return "---";
    case "bulletList":
      return (node.content ?? []).map((item) => indent(blocks(item.content), "  ", "- ")).join("\n");
    case "orderedList": {
      const start = Number(node.attrs?.start ?? 1) || 1;
      return (node.content ?? [])
        .map((item, i) => {
          const marker = `${start + i}. `;
          return indent(blocks(item.content), " ".repeat(marker.length), marker);
        })
        .join("\n");
    }
    case "listItem":
      return blocks(node.content);
    default:
      return inline(node.content);
  }
}

function blocks(nodes: DocNode[] | undefined): string {
  return (nodes ?? [])
    .map(block)
    .filter((b, i, all) => b !== "" || (i > 0 && i < all.length - 1))
    .join("\n\n");
}

/** The document as Markdown (empty string for an empty document). */
export function toMarkdown(doc: DocNode): string {
  return blocks(doc.type === "doc" ? doc.content : [doc]).replace(/\n{3,}/g, "\n\n").trim();
}
