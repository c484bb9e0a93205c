import { describe, expect, it } from "vitest";
import { plainSnippet, snippetParts } from "./highlight";
import { MARK_START as S, MARK_STOP as E } from "./search-document";

describe("snippetParts", () => {
  it("splits ts_headline's marked text into parts", () => {
    expect(snippetParts(`The ${S}database${E} failed over; ${S}database${E} ${S}failover${E} took 12 min`)).toEqual([
      { text: "The ", match: false },
      { text: "database", match: true },
      { text: " failed over; ", match: false },
      { text: "database", match: true },
      { text: " ", match: false },
      { text: "failover", match: true },
      { text: " took 12 min", match: false },
    ]);
  });
  it("keeps markup inert text and survives unbalanced markers", () => {
    expect(snippetParts(`<b>x</b> ${S}<script>`)).toEqual([
      { text: "<b>x</b> ", match: false },
      { text: "<script>", match: true },
    ]);
    expect(snippetParts(`${E}a${E}`)).toEqual([{ text: "a", match: false }]);
    expect(snippetParts("")).toEqual([]);
  });
  it("collapses whitespace", () => {
    expect(snippetParts("a\n\n  b")).toEqual([{ text: "a b", match: false }]);
  });
});

describe("plainSnippet", () => {
  it("cuts long text at a word, with an ellipsis", () => {
    const parts = plainSnippet("word ".repeat(100), 50);
    expect(parts[0]!.text.endsWith(" …")).toBe(true);
    expect(parts[0]!.text.length).toBeLessThanOrEqual(52);
    expect(plainSnippet("  ")).toEqual([]);
  });
});
