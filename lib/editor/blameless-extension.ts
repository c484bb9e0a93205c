/**
 * Underlines blameless-language hints (./blameless-hints.ts) in any Tiptap editor, as
 * decorations: they never change the document and never block saving.
 */
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { findHints } from "./blameless-hints";

export const blamelessHintsKey = new PluginKey<DecorationSet>("blamelessHints");

export function decorate(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Map text offsets inside this block to document positions (inline leaves count as one).
    let text = "";
    const starts: number[] = [];
    node.forEach((child, offset) => {
      const piece = child.isText ? child.text! : "\u200b";
      for (let i = 0; i < piece.length; i++) starts.push(pos + 1 + offset + (child.isText ? i : 0));
      text += piece;
    });
    for (const hint of findHints(text)) {
      const from = starts[hint.from];
      const to = starts[hint.to - 1];
      if (from === undefined || to === undefined) continue;
      decorations.push(
        Decoration.inline(from, to + 1, {
          class: "blameless-hint",
          title: `${hint.explanation} ${hint.suggestion}`,
          "data-hint": hint.ruleId,
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const BlamelessHints = Extension.create({
  name: "blamelessHints",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: blamelessHintsKey,
        state: {
          init: (_, state) => decorate(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
        },
        props: {
          decorations(state) {
            return blamelessHintsKey.getState(state);
          },
        },
      }),
    ];
  },
});
