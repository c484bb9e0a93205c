/**
 * The bench's output: a table on stdout, and docs/BENCHMARKS.md regenerated from every result
 * kept in tests/bench/results/ (one file per database kind, so the embedded and the PostgreSQL
 * runs both appear) plus the hand-written analysis in tests/bench/notes.md.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { autosaveSection, printAutosave } from "./report-autosave";
import { backlogSections } from "./backlog-report";
import { collabSections } from "./collab-report";
import { dashboardSections } from "./dashboard-report";
import { pushSections } from "./push-report";
import { searchSections } from "./search-report";
import { INTRO } from "./doc";
import { evaluate, isHealth } from "./evaluate";
import { cpuPerRequest } from "./load";
import { mdTable, table, type Align } from "./tables";
import type { BenchRun, DatabaseKind, LoadResult } from "./types";

const RESULTS_DIR = path.join("tests", "bench", "results");
const NOTES = path.join("tests", "bench", "notes.md");
const DOC = path.join("docs", "BENCHMARKS.md");
const KINDS: DatabaseKind[] = ["embedded", "postgresql"];
const TITLE: Record<DatabaseKind, string> = { embedded: "Embedded database (PGlite)", postgresql: "PostgreSQL (DATABASE_URL)" };

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const cpu = (r: LoadResult) => {
  const total = cpuPerRequest(r);
  if (total === null) return "—";
  return r.databaseCpuMs === null ? total.toFixed(2) : `${total.toFixed(2)} (db ${r.databaseCpuMs.toFixed(2)})`;
};
const bad = (r: LoadResult) => r.non2xx + r.errors + r.mismatches;

const LOAD_HEAD = ["target", "user", "reviews", "req/s", "vs health", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "CPU vs health", "req/s by round", "requests", "bad"];
const LOAD_ALIGN: Align = ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "l", "r", "r"];
const loadRows = (run: BenchRun) =>
  run.loads.map((r) => [
    isHealth(r) ? `${r.name} (baseline)` : r.name,
    r.user ?? "—",
    r.reviews,
    r.rps,
    pct(r.shareOfHealth),
    r.p50,
    r.p95,
    r.p99,
    cpu(r),
    pct(r.cpuShareOfHealth),
    r.roundsRps.map((x) => Math.round(x)).join(" / "),
    r.ok,
    bad(r),
  ]);

export function printRun(run: BenchRun): void {
  const out = [
    "",
    `${TITLE[run.kind]} — ${run.databaseVersion}`,
    `${run.machine.cpus} CPUs (${run.machine.cpuModel}), ${run.machine.memoryGiB} GiB, Node ${run.machine.node}, load ${run.machine.loadAverage} → ${run.machine.loadAverageEnd ?? "?"}, ${run.machine.date}`,
    "",
    `Start-up (launch → first 200 from /api/health), ${run.startup.runsMs.length} runs: median ${run.startup.medianMs} ms, max ${run.startup.maxMs} ms  [${run.startup.runsMs.join(", ")}]`,
    "",
    ...table(LOAD_HEAD, loadRows(run), LOAD_ALIGN),
    "",
    ...table(["target", "goal", "measured", "met"], run.targets.map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"]), ["l", "l", "l", "l"]),
    "",
    ...printAutosave(run),
  ];
  console.log(out.join("\n"));
}

function section(run: BenchRun): string[] {
  const m = run.machine;
  return [
    `## ${TITLE[run.kind]}`,
    "",
    `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}, Node ${m.node}; ` +
      `${run.databaseVersion}. 1-minute load average at the start: ${m.loadAverage}, at the end: ${m.loadAverageEnd ?? "?"}. ` +
      `${run.settings.connections} connections; ${run.settings.rounds} interleaved rounds of ${run.settings.durationS} s per target, the first after a ${run.settings.warmupS} s warm-up.`,
    "",
    "### Start-up",
    "",
    ...mdTable(
      ["runs", "median", "max", "each run (ms)", "server-logged `startupMs`"],
      [[run.startup.runsMs.length, `${run.startup.medianMs} ms`, `${run.startup.maxMs} ms`, run.startup.runsMs.join(", "), run.startup.loggedMs.join(", ")]],
      ["r", "r", "r", "l", "l"],
    ),
    "",
    "### Pages under load",
    "",
    `Each row is the target's median round (by throughput). "vs health" is the median over rounds of the page's throughput divided by ` +
      `\`/api/health\`'s in the same round on the same server. "bad" counts non-2xx responses, errors and 2xx bodies without the expected content, over all rounds.`,
    "",
    ...mdTable(LOAD_HEAD, loadRows(run), LOAD_ALIGN),
    "",
    "### Targets",
    "",
    ...mdTable(["what", "target", "measured", "met"], run.targets.map((t) => [t.name, t.target, t.measured, t.met ? "✅ yes" : "❌ **no**"]), ["l", "l", "l", "l"]),
    "",
    ...autosaveSection(run),
  ];
}

/** The saved result for `kind`, if any (to keep one part when --only re-runs the other). */
export async function loadRun(kind: DatabaseKind): Promise<BenchRun | null> {
  const file = path.join(RESULTS_DIR, `${kind}.json`);
  return existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as BenchRun) : null;
}

export async function saveRun(run: BenchRun): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(path.join(RESULTS_DIR, `${run.kind}.json`), `${JSON.stringify(run, null, 2)}\n`);
}

/** Rewrites docs/BENCHMARKS.md from every saved result and the notes. */
export async function writeDoc(): Promise<string> {
  const parts = [INTRO];
  for (const kind of KINDS) {
    const file = path.join(RESULTS_DIR, `${kind}.json`);
    if (!existsSync(file)) continue;
    const saved = JSON.parse(await readFile(file, "utf8")) as BenchRun;
    // Re-evaluated, so the doc always applies the current targets to the saved measurements.
    if (saved.settings?.rounds) parts.push(section({ ...saved, ...evaluate(saved.startup, saved.loads) }).join("\n"));
    else console.warn(`Skipping ${file}: written by an older version of the bench; run it again for ${kind}.`);
  }
  const collab = await collabSections();
  if (collab) parts.push(collab);
  const push = await pushSections();
  if (push) parts.push(push);
  const backlog = await backlogSections();
  if (backlog) parts.push(backlog);
  const search = await searchSections();
  if (search) parts.push(search);
  const dashboard = await dashboardSections();
  if (dashboard) parts.push(dashboard);
  if (existsSync(NOTES)) parts.push((await readFile(NOTES, "utf8")).trim() + "\n");
  await writeFile(DOC, parts.join("\n"));
  return DOC;
}
