/**
 * The collaboration benchmark's part of the output: a table on stdout and a section of
 * docs/BENCHMARKS.md, from tests/bench/results/collab-<kind>.json (one file per database kind).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CollabResult, CollabRound, CollabRun } from "./collab";
import { median, round } from "./stats";
import type { DatabaseKind, TargetCheck } from "./types";

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
const file = (kind: DatabaseKind) => path.join(RESULTS_DIR, `collab-${kind}.json`);
const KIND: Record<DatabaseKind, string> = { embedded: "embedded database (PGlite)", postgresql: "PostgreSQL" };

export const COLLAB_TARGETS = { p99Ms: 50, rssMiB: 1024 };

const find = (run: CollabRun, scenario: CollabResult["scenario"], server: CollabResult["server"]) => run.results.find((r) => r.scenario === scenario && r.server === server);
const x = (n: number | null) => (n === null ? "—" : `${n.toFixed(2)}×`);

/** A result summed up over its rounds: medians of each round's percentiles, totals, the highest memory. */
function summary(r: CollabResult) {
  const of = (pick: (round: CollabRound) => number) => r.rounds.map(pick);
  return {
    connectMs: Math.round(median(of((x) => x.connectMs))),
    samples: of((x) => x.samples).reduce((a, b) => a + b, 0),
    missing: of((x) => x.missing).reduce((a, b) => a + b, 0),
    p50: round(median(of((x) => x.p50)), 2),
    p95: round(median(of((x) => x.p95)), 2),
    p99: round(median(of((x) => x.p99)), 2),
    max: Math.max(...of((x) => x.max)),
    rssPeakMiB: Math.max(...of((x) => x.rssPeakMiB)),
  };
}

/** Median over rounds of (this round's figure ÷ the bare server's in the same round). */
function vsBare(run: CollabRun, r: CollabResult, pick: (round: CollabRound) => number): number | null {
  const bare = find(run, r.scenario, "bare");
  if (!bare || r.server === "bare") return null;
  const ratios = r.rounds.flatMap((round, i) => (bare.rounds[i] && pick(bare.rounds[i]!) > 0 ? [pick(round) / pick(bare.rounds[i]!)] : []));
  return ratios.length ? median(ratios) : null;
}

export function collabTargets(run: CollabRun): TargetCheck[] {
  const one = find(run, "one document", "debrief");
  const many = find(run, "many documents", "debrief");
  const p99 = one && summary(one).p99;
  const rss = many && summary(many).rssPeakMiB;
  return [
    { name: `p99 propagation, 1 document × ${one?.connections ?? "?"} clients`, target: `< ${COLLAB_TARGETS.p99Ms} ms`, measured: p99 !== undefined ? `${p99} ms` : "—", met: p99 !== undefined && p99 < COLLAB_TARGETS.p99Ms },
    { name: `server memory, ${many?.connections ?? "?"} connections`, target: `< ${COLLAB_TARGETS.rssMiB} MiB`, measured: rss !== undefined ? `${rss} MiB` : "—", met: rss !== undefined && rss < COLLAB_TARGETS.rssMiB },
  ];
}

const HEAD = ["scenario", "server", "connections", "connect ms", "deliveries", "missing", "p50 ms", "p95 ms", "p99 ms", "max ms", "p99 by round", "p50 vs bare", "p99 vs bare", "RSS idle MiB", "RSS peak MiB"];
const ALIGN: Align = ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "l", "r", "r", "r", "r"];
const rows = (run: CollabRun) =>
  run.results.map((r) => {
    const s = summary(r);
    return [
      r.scenario === "one document" ? `1 document × ${r.connections}` : `${r.documents} documents × ${r.connections / r.documents}`,
      r.server === "bare" ? "bare Yjs echo (baseline)" : "Debrief (Hocuspocus)",
      r.connections,
      s.connectMs,
      s.samples,
      s.missing,
      s.p50,
      s.p95,
      s.p99,
      s.max,
      r.rounds.map((x) => x.p99).join(" / "),
      x(vsBare(run, r, (q) => q.p50)),
      x(vsBare(run, r, (q) => q.p99)),
      r.rssIdleMiB,
      s.rssPeakMiB,
    ];
  });

export function printCollab(run: CollabRun): void {
  const out = [
    "",
    `Collaboration — ${KIND[run.kind]} (${run.databaseVersion}), load ${run.machine.loadAverage} → ${run.machine.loadAverageEnd ?? "?"}`,
    "",
    ...table(HEAD, rows(run), ALIGN),
    "",
    ...table(["target", "goal", "measured", "met"], collabTargets(run).map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"]), ["l", "l", "l", "l"]),
    "",
  ];
  console.log(out.join("\n"));
}

function section(run: CollabRun): string[] {
  const m = run.machine;
  const s = run.settings;
  return [
    `### Collaboration server — ${KIND[run.kind]}`,
    "",
    `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}; ${run.databaseVersion}. ` +
      `1-minute load average at the start: ${m.loadAverage}, at the end: ${m.loadAverageEnd ?? "?"}.`,
    "",
    ...mdTable(HEAD, rows(run), ALIGN),
    "",
    ...mdTable(["what", "target", "measured", "met"], collabTargets(run).map((t) => [t.name, t.target, t.measured, t.met ? "✅ yes" : "❌ **no**"]), ["l", "l", "l", "l"]),
    "",
    `Workloads: ${s.clients} clients on one document, one typing ${s.rate} characters/s for ${s.durationS} s; then ${s.documents} documents × ${s.perDocument} clients, ` +
      `one typist per document at ${s.manyRate} characters/s for ${s.manyDurationS} s. Each ${s.rounds} times, alternating the two servers; latencies are the median round's, ` +
      `"vs bare" the median over rounds of ours ÷ the baseline's in the same round, "deliveries" all keystrokes × other clients over all rounds (the first 5 keystrokes of each typist are warm-up).`,
    "",
  ];
}

const INTRO = [
  "## Real-time collaboration",
  "",
  "Generated by `npm run bench -- --only=collab` (tests/bench/collab*.ts). Debrief's collaboration server (`lib/server/collab-main.ts`, exactly as",
  "`npm run collab` runs it: token check against the database, limits, debounced persistence to PostgreSQL) and, as the baseline in the same run,",
  "a bare Yjs-over-WebSocket echo server (`tests/bench/collab-echo-server.ts`: one Y.Doc per room, every update applied and relayed, nothing else).",
  "Each server runs in its own process (its resident memory is read from `/proc`); all clients run in the bench process — standard",
  "`@hocuspocus/provider` clients for Debrief, plain WebSocket clients for the baseline — so one clock times each keystroke from the typist's",
  "edit to its arrival in every other client's document. \"vs bare\" is our latency ÷ the baseline's for the same scenario.",
  "",
];

const READING = [
  "#### Reading the collaboration figures",
  "",
  "- **One document, 30 clients**: a keystroke reaches the 29 others in about 2 ms at the median, a little slower than the bare echo",
  "  (Hocuspocus checks each update before applying it — `lib/collaboration/extensions/limits.ts` — and acknowledges it to the typist).",
  "  The p99 moves with whatever else the shared machine runs (the baseline's too); it stays well under the 50 ms target.",
  "- **800 connections**: the median stays under a millisecond; the tail is where Debrief pays for durability. Every open document is",
  "  stored at least every 5 s while people type (Yjs state + Tiptap JSON + text, one upsert; about 1 ms of CPU each, most of it Prisma),",
  "  and documents whose people started typing together store together. Stores therefore run two at a time",
  "  (`lib/collaboration/extensions/persistence.ts`): before that limit, 200 stores fired in one block and p99 reached ~150 ms.",
  "  The bare echo stores nothing, so the p99 ratio there measures persistence, not sync.",
  "- **Memory**: the idle server (Node, Prisma, the editor schema) takes ~170–220 MiB; 800 connections on 200 documents bring it to",
  "  ~320–490 MiB at the peak (0.2–0.35 MiB a connection; the peak over rounds includes heap kept from earlier rounds), half the 1 GiB",
  "  target. Connecting 800 clients takes a few seconds: each is authenticated against the database (token, then actor and",
  "  participants) and each document is loaded once.",
  "- **Noise**: the machine is shared (see the load averages); single rounds of the baseline itself ranged from 5 to 80 ms p99.",
  "  Compare the medians and the same-round ratios, not single rounds.",
  "",
];

export async function saveCollab(run: CollabRun): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file(run.kind), `${JSON.stringify(run, null, 2)}\n`);
}

/** The Markdown section for docs/BENCHMARKS.md, from the saved runs (empty when there are none). */
export async function collabSections(): Promise<string> {
  const runs: CollabRun[] = [];
  for (const kind of ["embedded", "postgresql"] as DatabaseKind[]) if (existsSync(file(kind))) runs.push(JSON.parse(await readFile(file(kind), "utf8")) as CollabRun);
  return runs.length ? [...INTRO, ...runs.flatMap(section), ...READING].join("\n") : "";
}
