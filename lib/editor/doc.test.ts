import { describe, expect, it } from "vitest";
import { docFromText, docSchema, docText, isSafeHref, MAX_DOC_BYTES, wordCount } from "./doc";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });

describe("documents", () => {
  it("accept what the editor produces", () => {
    const d = doc(
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What I saw" }] },
      p("Errors rose at 14:02.", [{ type: "bold" }]),
      { type: "bulletList", content: [{ type: "listItem", content: [p("Checked the dashboard")] }] },
      p("link", [{ type: "link", attrs: { href: "https://grafana.example.com/d/1", target: "_blank" } }]),
    );
    expect(docSchema.safeParse(d).success).toBe(true);
  });

  it.each([
    ["an unknown node type", doc({ type: "iframe", attrs: { src: "https://evil" } }), /not supported/],
    ["a javascript: link", doc(p("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])), /Links must start with/],
    ["a data: link", doc(p("x", [{ type: "link", attrs: { href: "data:text/html,<script>" } }])), /Links must start with/],
    ["a non-document", { type: "paragraph" }, /must be a document/],
    ["a string", "<p>hello</p>", /expected object|Invalid/i],
    ["an unknown mark", doc(p("x", [{ type: "script" }])), /not supported/],
  ])("refuse %s", (_what, value, message) => {
    const result = docSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(" ")).toMatch(message);
  });

  it("refuse documents over the size limit with the sizes in the message", () => {
    const big = doc(...Array.from({ length: 400 }, () => p("x".repeat(600))));
    const result = docSchema.safeParse(big);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(new RegExp(`limit is ${MAX_DOC_BYTES / 1024} KB`));
  });

  it("refuse absurdly deep nesting", () => {
    let node: Record<string, unknown> = p("deep");
    for (let i = 0; i < 40; i++) node = { type: "blockquote", content: [node] };
    expect(docSchema.safeParse(doc(node)).success).toBe(false);
  });

  it("extract plain text and count words", () => {
    const d = docSchema.parse(doc(p("First line."), { type: "bulletList", content: [{ type: "listItem", content: [p("second item")] }] }, p("Don't panic — it's fine")));
    expect(docText(d)).toBe("First line.\nsecond item\nDon't panic — it's fine");
    expect(wordCount(docText(d))).toBe(8);
    expect(wordCount("")).toBe(0);
    expect(docText(docFromText("a\n\nb"))).toBe("a\n\nb");
  });

  it("know safe links", () => {
    expect(isSafeHref("https://example.com")).toBe(true);
    expect(isSafeHref("mailto:a@b.co")).toBe(true);
    expect(isSafeHref(" JavaScript:alert(1)")).toBe(false);
    expect(isSafeHref("/relative")).toBe(false);
  });
});
