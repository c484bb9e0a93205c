/**
 * The push benchmark's part of the output: a table on stdout and a section of docs/BENCHMARKS.md,
 * from tests/bench/results/push-<kind>.json (one file per database kind).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PushResult, PushRun } from "./push";
import type { DatabaseKind } from "./types";

const RESULTS_DIR = path.join("tests", "bench", "results");
const file = (kind: DatabaseKind) => path.join(RESULTS_DIR, `push-${kind}.json`);
const KIND: Record<DatabaseKind, string> = { embedded: "embedded database (PGlite)", postgresql: "PostgreSQL" };

const HEAD = ["scenario", "actions", "all pushed in", "floor", "pushes/s", "accepted req/s", "median wait", "requests", "429s", "5xx", "job retries", "postponed", "duplicates", "lost"];
const row = (r: PushResult) => [
  r.name,
  r.actions,
  r.completed ? `${r.durationS} s` : `not within 10 min`,
  r.floorS === undefined ? "—" : `${r.floorS} s`,
  r.pushedPerS,
  r.acceptedPerS ?? "—",
  `${r.p50S} s`,
  r.requests,
  r.rateLimited,
  r.serverErrors,
  r.retries,
  r.postponed ?? "—",
  r.duplicates,
  r.lost,
];

function table(rows: (string | number)[][]): string[] {
  const cells = [HEAD, ...rows.map((r) => r.map(String))];
  const widths = HEAD.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r, n) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ") + (n === 0 ? `\n${widths.map((w) => "─".repeat(w)).join("  ")}` : ""));
}

export function printPush(run: PushRun): void {
  console.log(`\nPushes to a tracker (${KIND[run.kind]}, ${run.databaseVersion})\n`);
  console.log(table(run.results.map(row)).join("\n"));
  for (const r of run.results) if (r.duplicates || r.lost || !r.completed) console.error(`✗ FAILED ${r.name}: ${r.duplicates} duplicates, ${r.lost} lost${r.completed ? "" : ", not all pushed within 10 minutes"}`);
}

export async function savePush(run: PushRun): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file(run.kind), `${JSON.stringify(run, null, 2)}\n`);
}

/** The section of docs/BENCHMARKS.md, or null when no push bench has been run. */
export async function pushSections(): Promise<string | null> {
  const parts: string[] = [];
  for (const kind of ["postgresql", "embedded"] as DatabaseKind[]) {
    if (!existsSync(file(kind))) continue;
    const run = JSON.parse(await readFile(file(kind), "utf8")) as PushRun;
    parts.push(
      `### ${KIND[kind]} — ${run.databaseVersion}, ${run.date.slice(0, 10)}`,
      "",
      `| ${HEAD.join(" | ")} |`,
      `|---|${HEAD.slice(1).map(() => "---:").join("|")}|`,
      ...run.results.map((r) => `| ${row(r).join(" | ")} |`),
      "",
    );
  }
  if (!parts.length) return null;
  return [
    "## Pushing a published review's actions to a tracker",
    "",
    "`npm run bench -- --only=push`: a review with 200 agreed actions is published for a team that pushes automatically, into a local fake GitHub that allows 10 requests/s (429 with Retry-After beyond that) and answers in 50 ms; then the same against a tracker failing 20% of requests at random with 500 or 429 (with Retry-After: 1). Each push is a search for the action's idempotency marker and then a create, so the floor set by the rate limit is 2 requests × 200 actions ÷ 10/s = 40 s; “accepted req/s” is the tracker's answers other than 429 per second, against its ceiling of 10. “Job retries” are pg-boss retries after a 5xx (each searches deeper, listing the newest issues too); “postponed”, jobs re-sent for later because the wait asked for was longer than the gate sleeps through (3 s). The worker runs in the bench process (pg-boss, the relay, the per-connection gate). “All pushed in”: from the publishing commit until every action is SYNCED. Duplicates: issues beyond one per idempotency marker; lost: actions not SYNCED with an existing issue of their own. Both must be 0.",
    "",
    ...parts,
  ].join("\n");
}
