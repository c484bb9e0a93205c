import { describe, expect, it } from "vitest";
import type { DocNode } from "../editor/doc";
import { docToMarkdown, escapeMarkdown } from "./doc-markdown";

describe("escapeMarkdown", () => {
  it("leaves no formatting or HTML in text", () => {
    expect(escapeMarkdown("*bold* _x_ [link](javascript:alert(1)) <img src=x> # h | t")).toBe(
      "\\*bold\\* \\_x\\_ \\[link\\]\\(javascript:alert\\(1\\)\\) &lt;img src=x&gt; \\# h \\| t",
    );
    expect(escapeMarkdown("- not a list\n1. not a list")).toBe("\\- not a list\n1\\. not a list");
  });
});

describe("docToMarkdown", () => {
  it("writes headings, marks, safe links, lists, quotes and code", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "The " },
            { type: "text", text: "cache", marks: [{ type: "bold" }] },
            { type: "text", text: " was " },
            { type: "text", text: "cold", marks: [{ type: "italic" }] },
            { type: "text", text: ": see " },
            { type: "text", text: "runbook", marks: [{ type: "link", attrs: { href: "https://wiki.example/runbook" } }] },
            { type: "text", text: " and " },
            { type: "text", text: "this", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
            { type: "text", text: " `x`", marks: [{ type: "code" }] },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }, { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "two" }] }] }] },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "first" }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "quoted" }] }] },
        { type: "codeBlock", content: [{ type: "text", text: "kubectl get pods" }] },
        { type: "horizontalRule" },
      ],
    };
    expect(docToMarkdown(doc)).toBe(
      [
        "### What happened",
        "The **cache** was *cold*: see [runbook](<https://wiki.example/runbook>) and this` ˋxˋ`",
        "- one\n- two",
        "1. first",
        "> quoted",
        "```\nkubectl get pods\n```",
        "---",
      ].join("\n\n"),
    );
    expect(docToMarkdown(null)).toBe("");
  });
});
