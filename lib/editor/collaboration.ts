/**
 * Tiptap extensions for co-editing a document over Yjs: the document binding (with per-person
 * undo) and other people's cursors and selections from the awareness protocol. Browser only.
 */
import { Extension, type AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";

export type CollaboratorInfo = { name: string; color: string };

function cursor(user: CollaboratorInfo): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collab-caret");
  caret.style.borderColor = user.color;
  const label = document.createElement("span");
  label.classList.add("collab-caret-label");
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append(label);
  return caret;
}

const CollaborationCursors = Extension.create<{ awareness: Awareness | null }>({
  name: "collaborationCursors",
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: (user) => cursor(user as CollaboratorInfo),
        selectionBuilder: (user) => ({ style: `background-color: ${(user as CollaboratorInfo).color}33`, class: "collab-selection" }),
      }),
    ];
  },
});

export function collaborationExtensions(document: Y.Doc, awareness: Awareness | null): AnyExtension[] {
  return [Collaboration.configure({ document, field: "default" }), CollaborationCursors.configure({ awareness })];
}

// Well-separated colours that keep white text readable.
const PALETTE = ["#2563eb", "#db2777", "#15803d", "#c2410c", "#7c3aed", "#0e7490", "#a16207", "#be123c"];

/** A stable colour per person (or account). */
export function colorFor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
