import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { decorate } from "./blameless-extension";
import { editorExtensions } from "./extensions";

const schema = getSchema(editorExtensions());

describe("blameless hints in the editor", () => {
  it("underline exactly the flagged phrase, across marks and line breaks", () => {
    const doc = schema.nodeFromJSON({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Nothing to see here." }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "We " },
            { type: "text", text: "should", marks: [{ type: "bold" }] },
            { type: "text", text: " have rolled back." },
            { type: "hardBreak" },
            { type: "text", text: "It was human error." },
          ],
        },
      ],
    });
    const found = decorate(doc)
      .find()
      .map((d) => ({ text: doc.textBetween(d.from, d.to), hint: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-hint"] }));
    expect(found).toEqual([
      { text: "should have", hint: "counterfactual" },
      { text: "human error", hint: "human-error" },
    ]);
  });

  it("add nothing to blameless text", () => {
    const doc = schema.nodeFromJSON({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The pod failed to start." }] }] });
    expect(decorate(doc).find()).toEqual([]);
  });
});
