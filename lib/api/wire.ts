/**
 * Building blocks of the API's schemas that several files share: dates on the wire, and rich-text
 * documents (Tiptap JSON), which the OpenAPI document describes once as the TiptapDoc component.
 */
import { z } from "zod";
import { BLOCK_NODES, docSchema, INLINE_NODES, MARKS, MAX_DOC_BYTES } from "../editor/doc";

/** A date on the wire: an ISO 8601 string in UTC; a Date in the server's hands. */
export const dateTime = z.codec(z.iso.datetime(), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

const TIPTAP_DOC_REF = "#/components/schemas/TiptapDoc";

const DOC_RULES =
  `A Tiptap (ProseMirror) JSON document: \`{ "type": "doc", "content": [...] }\`. At most ${MAX_DOC_BYTES / 1024} KB as JSON and 24 levels deep; ` +
  `nodes ${["doc", ...BLOCK_NODES, ...INLINE_NODES].join(", ")}; marks ${MARKS.join(", ")}. Links must be http(s) or mailto. ` +
  "Text is plain text: HTML in it is stored and returned as text, never interpreted.";

/** A document in a request body: validated by the editor's own rules (lib/editor/doc.ts). */
export const docInput = docSchema.meta({ $ref: TIPTAP_DOC_REF, description: DOC_RULES } as never);

/**
 * A document in a response: sent as stored (it was validated when written), documented as TiptapDoc.
 * Typed `unknown` on purpose: the server passes it through and never looks inside.
 */
export const docOutput = z.unknown().meta({ $ref: TIPTAP_DOC_REF } as never);

/** The JSON Schemas of Tiptap documents, for the OpenAPI document's components. */
export const TIPTAP_JSON_SCHEMAS: Record<string, Record<string, unknown>> = {
  TiptapNode: {
    type: "object",
    description: "A node of a Tiptap document.",
    properties: {
      type: { type: "string", enum: ["doc", ...BLOCK_NODES, ...INLINE_NODES] },
      attrs: { type: "object", description: "Node attributes, e.g. `level` of a heading." },
      content: { type: "array", maxItems: 10_000, items: { $ref: "#/components/schemas/TiptapNode" } },
      text: { type: "string", description: "The text of a `text` node." },
      marks: {
        type: "array",
        maxItems: 10,
        items: {
          type: "object",
          properties: {
            type: { type: "string", enum: [...MARKS] },
            attrs: {
              type: "object",
              properties: {
                href: { type: "string", maxLength: 2000, description: "For links: an http://, https:// or mailto: URL." },
                target: { type: ["string", "null"] },
                rel: { type: ["string", "null"] },
                class: { type: ["string", "null"] },
              },
            },
          },
          required: ["type"],
        },
      },
    },
    required: ["type"],
  },
  TiptapDoc: {
    description: DOC_RULES,
    allOf: [{ $ref: "#/components/schemas/TiptapNode" }],
    properties: { type: { const: "doc" } },
    example: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "I was on call when the first alert fired." }] }] },
  },
};
