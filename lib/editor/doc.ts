/**
 * Rich-text documents as Tiptap JSON, validated against the nodes and marks Debrief's editor
 * produces. Anything else — unknown node types, `javascript:` links, oversized or deeply nested
 * documents — is refused with a clear message, so stored documents are always safe to render.
 */
import { z } from "zod";

export const MAX_DOC_BYTES = 200 * 1024;
const MAX_DEPTH = 24;

export const BLOCK_NODES = ["paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "codeBlock", "horizontalRule"] as const;
export const INLINE_NODES = ["text", "hardBreak"] as const;
export const MARKS = ["bold", "italic", "strike", "code", "link", "underline"] as const;

export type DocMark = { type: (typeof MARKS)[number]; attrs?: { href?: string; target?: string | null; rel?: string | null; class?: string | null } };
export type DocNode = {
  type: "doc" | (typeof BLOCK_NODES)[number] | (typeof INLINE_NODES)[number];
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
};

/** Links may point to the web or mail only; `javascript:`, `data:` and the like are refused. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href.trim());
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:";
  } catch {
    return false;
  }
}

const markSchema = z
  .object({
    type: z.enum(MARKS, { error: (i) => `Formatting “${String(i.input)}” is not supported.` }),
    attrs: z
      .object({
        href: z.string().max(2000).optional(),
        target: z.string().nullable().optional(),
        rel: z.string().nullable().optional(),
        class: z.string().nullable().optional(),
      })
      .optional(),
  })
  .refine((m) => m.type !== "link" || (m.attrs?.href !== undefined && isSafeHref(m.attrs.href)), {
    message: "Links must start with http://, https:// or mailto:.",
  });

const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.enum(["doc", ...BLOCK_NODES, ...INLINE_NODES], { error: (i) => `Content of type “${String(i.input)}” is not supported.` }),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).max(10_000).optional(),
    text: z.string().optional(),
    marks: z.array(markSchema).max(10).optional(),
  }),
) as z.ZodType<DocNode>;

function depth(node: DocNode, d = 0): number {
  if (d > MAX_DEPTH) return d;
  return Math.max(d, ...(node.content ?? []).map((c) => depth(c, d + 1)));
}

/** A Tiptap document: validated shape, at most MAX_DOC_BYTES, at most MAX_DEPTH levels deep. */
export const docSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
    } catch {
      ctx.addIssue({ code: "custom", message: "The document could not be read." });
      return z.NEVER;
    }
    if (size > MAX_DOC_BYTES) {
      ctx.addIssue({ code: "custom", message: `The text is too long: ${Math.round(size / 1024)} KB, the limit is ${MAX_DOC_BYTES / 1024} KB. Split it or shorten it.` });
    }
  })
  .pipe(nodeSchema)
  .refine((d) => d.type === "doc", { message: "The content must be a document (type “doc”)." })
  .refine((d) => depth(d) <= MAX_DEPTH, { message: "The document is nested too deeply." });

export const EMPTY_DOC: DocNode = { type: "doc", content: [{ type: "paragraph" }] };

const CONTAINERS = new Set(["listItem", "blockquote"]);
const BLOCK_SEPARATED = new Set(["paragraph", "heading", "listItem", "blockquote", "codeBlock", "horizontalRule"]);

/** The document's plain text: blocks on their own lines. */
export function docText(node: DocNode): string {
  const out: string[] = [];
  const walk = (n: DocNode) => {
    if (n.type === "text") out.push(n.text ?? "");
    else if (n.type === "hardBreak") out.push("\n");
    for (const c of n.content ?? []) walk(c);
    // Containers end a line only if their last block did not already.
    if (BLOCK_SEPARATED.has(n.type) && !(CONTAINERS.has(n.type) && out[out.length - 1] === "\n")) out.push("\n");
  };
  walk(node);
  return out.join("").replace(/\n{3,}/g, "\n\n").trim();
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
}

/** A document from plain text (one paragraph per line), e.g. for demo data and late additions. */
export function docFromText(text: string): DocNode {
  const lines = text.split(/\n/);
  return { type: "doc", content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })) };
}
