import type { ReactNode } from "react";
import { isSafeHref, type DocMark, type DocNode } from "@/lib/editor/doc";

/**
 * Renders a stored Tiptap document as React elements — no HTML strings, so text is always
 * inert; links render only with http(s)/mailto targets. Usable on the server and the client.
 */
export function DocView({ doc, className }: { doc: DocNode | null | undefined; className?: string }) {
  if (!doc?.content?.length) return <p className="text-sm text-muted italic">Nothing written.</p>;
  return <div className={className ?? "prose-doc"}>{renderChildren(doc)}</div>;
}

function renderChildren(node: DocNode): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, i));
}

function withMarks(text: ReactNode, marks: DocMark[] | undefined, key: number): ReactNode {
  let out = text;
  for (const [j, mark] of (marks ?? []).entries()) {
    const k = `${key}-${j}`;
    if (mark.type === "bold") out = <strong key={k}>{out}</strong>;
    else if (mark.type === "italic") out = <em key={k}>{out}</em>;
    else if (mark.type === "strike") out = <s key={k}>{out}</s>;
    else if (mark.type === "underline") out = <u key={k}>{out}</u>;
    else if (mark.type === "code") out = <code key={k}>{out}</code>;
    else if (mark.type === "link" && mark.attrs?.href && isSafeHref(mark.attrs.href))
      out = (
        <a key={k} href={mark.attrs.href} target="_blank" rel="noopener noreferrer nofollow">
          {out}
        </a>
      );
  }
  return out;
}

function renderNode(node: DocNode, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return <span key={key}>{withMarks(node.text ?? "", node.marks, key)}</span>;
    case "hardBreak":
      return <br key={key} />;
    case "paragraph":
      return <p key={key}>{renderChildren(node)}</p>;
    case "heading":
      return node.attrs?.level === 2 ? <h2 key={key}>{renderChildren(node)}</h2> : <h3 key={key}>{renderChildren(node)}</h3>;
    case "bulletList":
      return <ul key={key}>{renderChildren(node)}</ul>;
    case "orderedList":
      return <ol key={key}>{renderChildren(node)}</ol>;
    case "listItem":
      return <li key={key}>{renderChildren(node)}</li>;
    case "blockquote":
      return <blockquote key={key}>{renderChildren(node)}</blockquote>;
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{renderChildren(node)}</code>
        </pre>
      );
    case "horizontalRule":
      return <hr key={key} />;
    default:
      return null;
  }
}
