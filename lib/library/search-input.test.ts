import { describe, expect, it } from "vitest";
import { normaliseTag } from "./report-details";
import { normaliseQuery, QUERY_MAX, searchLibrarySchema } from "./search-library";
import { cleanText, wellFormed } from "./search-document";
import { winAnsiText } from "./report-pdf";

describe("search input", () => {
  it("normalises any query without failing, to at most QUERY_MAX characters", () => {
    expect(normaliseQuery("  kafka \n\t lag  ")).toBe("kafka lag");
    expect(normaliseQuery("a\u0000b\uE000c\uE001d")).toBe("a b c d");
    expect(normaliseQuery("\uD800x")).toBe("\uFFFDx");
    const long = normaliseQuery("word ".repeat(1000));
    expect(long.length).toBeLessThanOrEqual(QUERY_MAX);
    expect(long.endsWith("word")).toBe(true);
    expect(Array.from(normaliseQuery("😀".repeat(500))).length).toBe(QUERY_MAX);
  });
  it("treats empty filters as none and defaults the page", () => {
    expect(searchLibrarySchema.parse({ q: "x", team: "", severity: "", from: "" })).toMatchObject({ q: "x", page: 1, limit: 10, team: undefined, severity: undefined, from: undefined });
  });
});

describe("stored text", () => {
  it("never holds highlight markers, NUL or lone surrogates", () => {
    expect(cleanText("a\uE000b\u0000c\uE001\uDC00")).toBe("a b c \uFFFD");
    expect(wellFormed("ok 😀")).toBe("ok 😀");
  });
  it("tags are lower case words joined by hyphens", () => {
    expect(normaliseTag("  On Call ")).toBe("on-call");
    expect(normaliseTag("TLS/Certs!")).toBe("tls-certs");
    expect(normaliseTag("---")).toBe("");
  });
  it("the PDF's built-in fonts get text they can draw", () => {
    expect(winAnsiText("Café “quoted” – €5 東京 🔥 Ł")).toBe("Café “quoted” – €5 ?? ? ?");
  });
});
