/**
 * A collaborative narrative as Tiptap JSON and plain text, built on the server from the same
 * extensions as the browser's editor (lib/editor/extensions.ts). Always from a copy of the
 * state: y-tiptap drops nodes the schema does not know while converting, and that must never
 * edit the live document behind its users' backs.
 */
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { docText, type DocNode } from "../editor/doc";
import { editorExtensions } from "../editor/extensions";

/** The Yjs field Tiptap's Collaboration extension binds to. */
export const NARRATIVE_FIELD = "default";

let cached: Schema | undefined;
function schema(): Schema {
  cached ??= getSchema(editorExtensions({ hints: false }));
  return cached;
}

export type NarrativeSnapshot = { json: DocNode; text: string };

/** The snapshot of a document's state (an update, as stored). */
export function narrativeSnapshot(state: Uint8Array): NarrativeSnapshot {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, state);
    const json = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(NARRATIVE_FIELD), schema()).toJSON() as DocNode;
    return { json, text: docText(json) };
  } finally {
    copy.destroy();
  }
}

/** A Yjs state holding `json` (for seeding, migrations and tests). */
export function narrativeStateFromJson(json: DocNode): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema(), json, NARRATIVE_FIELD);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
