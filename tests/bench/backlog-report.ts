/**
 * The backlog benchmark's output: a table on stdout and a section of docs/BENCHMARKS.md, from
 * tests/bench/results/backlog-<kind>.json (one file per database kind).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BacklogRow, BacklogRun } from "./backlog";
import { cpuPerRequest } from "./load";
import type { DatabaseKind } from "./types";

type Align = ("l" | "r")[];

function table(head: string[], rows: (string | number)[][], align: Align): string[] {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (align[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map((r) => line(r.map(String)))];
}

const mdTable = (head: string[], rows: (string | number)[][], align: Align) => [
  `| ${head.join(" | ")} |`,
  `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`,
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];

const RESULTS_DIR = path.join("tests", "bench", "results");
const file = (kind: DatabaseKind) => path.join(RESULTS_DIR, `backlog-${kind}.json`);
const KIND: Record<DatabaseKind, string> = { embedded: "embedded database (PGlite)", postgresql: "PostgreSQL" };

const HEAD = ["target", "req/s", "vs health", "p50 ms", "p95 ms", "p95 ÷ health p95", "p99 ms", "CPU ms/req", "req/s by round", "requests", "bad"];
const ALIGN: Align = ["l", "r", "r", "r", "r", "r", "r", "r", "l", "r", "r"];

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const cpu = (r: BacklogRow) => {
  const total = cpuPerRequest(r);
  if (total === null) return "—";
  return r.databaseCpuMs === null ? total.toFixed(2) : `${total.toFixed(2)} (db ${r.databaseCpuMs.toFixed(2)})`;
};

const rowsOf = (run: BacklogRun) =>
  run.rows.map((r) => [
    r.role === "baseline" ? `${r.name} (baseline)` : r.name,
    r.rps,
    pct(r.shareOfHealth),
    r.p50,
    r.p95,
    r.p95VsHealth === null ? "—" : `${r.p95VsHealth}×`,
    r.p99,
    cpu(r),
    r.roundsRps.map((x) => Math.round(x)).join(" / "),
    r.ok,
    r.non2xx + r.errors + r.mismatches,
  ]);

export function printBacklog(run: BacklogRun): void {
  console.log(
    [
      "",
      `Team backlog with ${run.actions.toLocaleString("en")} actions — ${KIND[run.kind]}, ${run.databaseVersion}`,
      `${run.machine.cpus} CPUs (${run.machine.cpuModel}), load ${run.machine.loadAverage} → ${run.machine.loadAverageEnd ?? "?"}, ${run.settings.connections} connections, ${run.settings.rounds} rounds × ${run.settings.durationS} s`,
      "",
      ...table(HEAD, rowsOf(run), ALIGN),
      "",
    ].join("\n"),
  );
}

export async function saveBacklog(run: BacklogRun): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file(run.kind), `${JSON.stringify(run, null, 2)}\n`);
}

/** The "Team backlog" section of docs/BENCHMARKS.md from the saved results, or null when there are none. */
export async function backlogSections(): Promise<string | null> {
  const runs: BacklogRun[] = [];
  for (const kind of ["embedded", "postgresql"] as const) if (existsSync(file(kind))) runs.push(JSON.parse(await readFile(file(kind), "utf8")) as BacklogRun);
  if (!runs.length) return null;
  const out = [
    "## Team backlog (issue 5)",
    "",
    "`npm run bench -- --only=backlog`: the Payments backlog with 5,000 actions (250 published reviews, 20 actions each, every status and priority, " +
      "a third in a tracker), read by its product manager, in rounds interleaved with `/api/health` on the same server. Pages are 50 actions, " +
      "keyset-paginated on the rank (one SQL query per page, lib/action-items/list-backlog.ts). “p95 ÷ health p95” is the median over rounds of the " +
      "page's p95 divided by `/api/health`'s p95 in the same round; “vs health” the same for throughput. The reviews list is measured alongside as the " +
      "floor of a signed-in page.",
    "",
  ];
  for (const run of runs) {
    const m = run.machine;
    out.push(
      `### ${KIND[run.kind]}`,
      "",
      `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; ${run.databaseVersion}. ` +
        `Load average ${m.loadAverage} → ${m.loadAverageEnd ?? "?"}. ${run.settings.connections} connections; ${run.settings.rounds} rounds of ${run.settings.durationS} s per target after a ${run.settings.warmupS} s warm-up.`,
      "",
      ...mdTable(HEAD, rowsOf(run), ALIGN),
      "",
    );
  }
  return out.join("\n");
}
