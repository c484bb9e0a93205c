import { describe, expect, it } from "vitest";
import type { DocNode } from "../../editor/doc";
import { adfText, toAdf } from "./adf";
import { dueDateFromMarkdown, markdownBody, replaceMarkdownMeta } from "./issue-body";
import { toMarkdown } from "./markdown";

const t = (text: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text, ...(marks ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

const sample = doc(
  { type: "heading", attrs: { level: 3 }, content: [t("What happened")] },
  p(t("Plain, "), t("bold", [{ type: "bold" }]), t(", "), t("code `x`", [{ type: "code" }]), t(" and "), t("a link", [{ type: "link", attrs: { href: "https://example.com/a b" } }])),
  { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(t("third")), { type: "bulletList", content: [{ type: "listItem", content: [p(t("nested"))] }] }] }] },
  { type: "blockquote", content: [p(t("quoted"))] },
  { type: "codeBlock", attrs: { language: "sql" }, content: [t("SELECT 1;")] },
  { type: "horizontalRule" },
  p(t("line"), { type: "hardBreak" }, t("# not a heading *or* [link]")),
);

describe("Tiptap → Markdown", () => {
  it("writes every node and mark the editor has, escaping text", () => {
    expect(toMarkdown(sample)).toBe(
      [
        "### What happened",
        "Plain, **bold**, `` code `x` `` and [a link](https://example.com/a%20b)",
        "3. third\n\n   - nested",
        "> quoted",
        "```sql\nSELECT 1;\n```",
        "---",
        "line  \n\\# not a heading \\*or\\* \\[link\\]",
      ].join("\n\n"),
    );
  });
  it("gives an empty string for an empty document", () => {
    expect(toMarkdown(doc(p()))).toBe("");
  });
});

describe("Tiptap → Atlassian Document Format", () => {
  it("maps nodes and marks to ADF's names and never emits empty text", () => {
    const adf = toAdf(sample);
    expect(adf.version).toBe(1);
    expect(adf.content.map((n) => n.type)).toEqual(["heading", "paragraph", "orderedList", "blockquote", "codeBlock", "rule", "paragraph"]);
    expect(adf.content[1]!.content!.map((n) => n.marks?.map((m) => m.type))).toEqual([undefined, ["strong"], undefined, ["code"], undefined, ["link"]]);
    expect(adf.content[2]).toMatchObject({ attrs: { order: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph" }, { type: "bulletList" }] }] });
    expect(toAdf(doc(p(t("")), p())).content).toEqual([{ type: "paragraph" }, { type: "paragraph" }]);
    expect(adfText(adf)).toContain("SELECT 1;");
  });
});

describe("the issue body", () => {
  const input = { actionId: "ckactionid123", title: "T", description: doc(p(t("Body"))), priority: "HIGH" as const, kind: "FIX", status: "OPEN" as const, dueDate: "2030-01-02", review: { title: "R [x]", url: "http://d/r" } };
  it("carries the link back, the facts and the marker; its meta block can be replaced without touching edits", () => {
    const body = markdownBody(input);
    expect(body).toContain("[R x](http://d/r) · priority high · kind fix · due 2030-01-02");
    expect(body).toContain("`debrief-action:ckactionid123`");
    expect(dueDateFromMarkdown(body)).toBe("2030-01-02");
    const edited = `Notes on top\n\n${body}\nA comment below`;
    const replaced = replaceMarkdownMeta(edited, { ...input, dueDate: null, priority: "LOW" });
    expect(replaced).toContain("Notes on top");
    expect(replaced).toContain("A comment below");
    expect(replaced).toContain("priority low");
    expect(dueDateFromMarkdown(replaced)).toBeNull();
    expect(replaceMarkdownMeta("Someone deleted the block", input)).toContain("debrief-action:ckactionid123");
  });
});
