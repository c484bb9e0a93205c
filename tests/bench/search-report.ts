/**
 * The search benchmark's part of the console output and of docs/BENCHMARKS.md, saved in
 * tests/bench/results/search-<kind>.json (one file per database kind).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SearchBenchResult } from "./search-types";
import { mdTable, table, type Align } from "./tables";
import type { DatabaseKind } from "./types";

const RESULTS_DIR = path.join("tests", "bench", "results");
const file = (kind: DatabaseKind) => path.join(RESULTS_DIR, `search-${kind}.json`);
const KIND: Record<DatabaseKind, string> = { embedded: "Embedded database (PGlite)", postgresql: "PostgreSQL (DATABASE_URL)" };

const HEAD = ["target", "req/s", "vs health", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "req/s by round", "requests", "bad"];
const ALIGN: Align = ["l", "r", "r", "r", "r", "r", "r", "l", "r", "r"];
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

function rows(s: SearchBenchResult) {
  return s.loads.map((r) => [
    r.role === "baseline" ? `${r.name} (baseline)` : r.name,
    r.rps,
    r.role === "baseline" ? "—" : pct(r.shareOfHealth),
    r.p50,
    r.p95,
    r.p99,
    r.serverCpuMs === null ? "—" : `${(r.serverCpuMs + (r.databaseCpuMs ?? 0)).toFixed(1)}${r.databaseCpuMs ? ` (db ${r.databaseCpuMs.toFixed(1)})` : ""}`,
    r.roundsRps.map((x) => Math.round(x)).join(" / "),
    r.ok,
    r.non2xx + r.errors + r.mismatches,
  ]);
}

export function printSearch(s: SearchBenchResult): void {
  const out = [
    `Library search: ${s.seed.publishedTotal} published reviews, ${s.settings.connections} connections, reader ${s.reader.email}`,
    ...s.terms.map((t) => `  “${t.query}”: ${t.matches} documents (${t.share}%), ${t.visible} visible to the reader`),
    "",
    ...table(HEAD, rows(s), ALIGN),
    "",
    ...table(["target", "goal", "measured", "met"], s.targets.map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"]), ["l", "l", "l", "l"]),
    "",
  ];
  console.log(out.join("\n"));
}

export async function saveSearch(run: SearchBenchResult): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file(run.kind), `${JSON.stringify(run, null, 2)}\n`);
}

/** The "Library search" section of docs/BENCHMARKS.md from the saved results, or null when there are none. */
export async function searchSections(): Promise<string | null> {
  const runs: SearchBenchResult[] = [];
  for (const kind of ["embedded", "postgresql"] as const) if (existsSync(file(kind))) runs.push(JSON.parse(await readFile(file(kind), "utf8")) as SearchBenchResult);
  if (!runs.length) return null;
  const out = [
    "## Library search (issue 6)",
    "",
    "`npm run bench -- --only=search` (also part of a whole run): the library search API over a library of generated published reviews, " +
      "for a common word, a rare word and a word in every review, and the library page, in rounds interleaved with `/api/health` on the same " +
      "server; then the query plan of the search statement. Target: p95 under 100 ms at 20 connections with the app as installed (one web process), with the GIN index used; " +
      "with `--web-processes` (default: the CPUs) the same is measured with several processes, for comparison.",
    "",
  ];
  for (const run of runs) out.push(...section(run));
  return out.join("\n");
}

function section(s: SearchBenchResult): string[] {
  const m = s.machine;
  return [
    `### ${KIND[s.kind]}`,
    "",
    `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; ${s.databaseVersion}. ` +
      `1-minute load average ${m.loadAverage} → ${m.loadAverageEnd ?? "?"}. ` +
      `${s.seed.reviews.toLocaleString("en")} published reviews of generated text (tests/bench/search-text.ts: incident themes, services on a long tail, ` +
      `${s.seed.narrativeBytes.toLocaleString("en")} bytes of narrative on average) bulk-inserted with their search documents in ${s.seed.seconds} s ` +
      `(${Math.round(s.seed.documentBytes / 1024 / 1024)} MB with indexes), ${s.seed.publishedTotal.toLocaleString("en")} in the library with the demo's. ` +
      `Searched as ${s.reader.email} (team ${s.reader.team}: sees organisation-wide reviews, their team's and their own) through ` +
      `\`GET /api/v1/library/search?q=…\` (10 results a page with highlighted snippets and the total — exact up to 1,000, then “1,000+”; relevance ranks about the 1,000 most recent matches, lib/library/search-library.ts), ${s.settings.connections} connections, ` +
      `${s.settings.rounds} interleaved rounds of ${s.settings.durationS} s with \`/api/health\`; and the library page for the common word.`,
    "",
    ...mdTable(
      ["query", "documents matching", "share", "visible to the reader"],
      s.terms.map((t) => [`“${t.query}” (${t.name})`, t.matches, `${t.share}%`, t.visible]),
      ["l", "r", "r", "r"],
    ),
    "",
    "Each row is the target's median round (by throughput); “vs health” is the median over rounds of its throughput ÷ `/api/health`'s in the same round.",
    "",
    ...mdTable(HEAD, rows(s), ALIGN),
    "",
    ...mdTable(["what", "target", "measured", "met"], s.targets.map((t) => [t.name, t.target, t.measured, t.met ? "✅ yes" : "❌ **no**"]), ["l", "l", "l", "l"]),
    "",
    ...s.plans.flatMap((p) => [
      `Query plan for “${p.query}” (${p.name}), EXPLAIN (ANALYZE, BUFFERS) of the statement searchLibrary runs, as the app runs it on PostgreSQL (lib/db/search-pool.ts: bitmap scans only, prepared, one generic plan for every word), on the idle server:`,
      "",
      "```",
      p.plan,
      "```",
      "",
    ]),
  ];
}
