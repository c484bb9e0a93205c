/**
 * Highlighted snippets as structured parts. ts_headline marks matches with two private-use
 * characters (never present in stored text: lib/library/search-document.ts strips them), and this
 * splits its output into `{ text, match }` parts, so pages render highlights as elements and never
 * as HTML.
 */
import { MARK_START, MARK_STOP } from "./search-document";

export type SnippetPart = { text: string; match: boolean };

/** ts_headline's options: our markers, two short fragments. */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter=" … "`;

/** For titles: the whole title, every match marked. */
export const TITLE_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;

/** Splits marked text into parts; unbalanced markers are dropped, adjacent parts of a kind merged. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = "";
  const push = () => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = "";
  };
  for (const ch of marked.replace(/\s+/g, " ").trim()) {
    if (ch === MARK_START || ch === MARK_STOP) {
      push();
      match = ch === MARK_START;
    } else text += ch;
  }
  push();
  return parts;
}

/** The first `max` characters of plain text as one unmarked part (for results without a query). */
export function plainSnippet(text: string, max = 220): SnippetPart[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return [];
  if (clean.length <= max) return [{ text: clean, match: false }];
  const cut = clean.slice(0, max);
  return [{ text: `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 30))} …`, match: false }];
}
