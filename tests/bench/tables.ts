/** Tables for the bench's output: aligned text for the terminal, Markdown for docs/BENCHMARKS.md. */

export type Align = ("l" | "r")[];

export function table(head: string[], rows: (string | number)[][], align: Align): string[] {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (align[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map((r) => line(r.map(String)))];
}

export function mdTable(head: string[], rows: (string | number)[][], align: Align): string[] {
  return [`| ${head.join(" | ")} |`, `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}
