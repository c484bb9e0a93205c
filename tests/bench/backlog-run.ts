/**
 * The backlog part of `npm run bench` (tests/bench/backlog.ts): part of a whole run, or alone with
 *   npm run bench -- --only=backlog [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--rebuild]
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped
 * afterwards. Alone it builds into its own NEXT_DIST_DIR, so it never replaces another bench's build.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runBacklogBench } from "./backlog";
import { backlogSections, printBacklog, saveBacklog } from "./backlog-report";
import { createBenchDatabase } from "./database";
import { writeDoc } from "./report";
import { BENCH_DIST_DIR } from "./server";
import { benchPart, buildInto } from "./parts";

/** BENCH_BACKLOG_DIST_DIR: another build to measure (e.g. a change beside the build of the code before it). */
const OWN_DIST_DIR = process.env.BENCH_BACKLOG_DIST_DIR || ".next-bench-backlog";

/** "only" for `--only=backlog`, "skip" for another `--only`, "also" in a whole run. */
export function backlogPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  return benchPart("backlog", argv);
}

function settings(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: { duration: { type: "string", default: "5" }, rounds: { type: "string", default: "3" }, warmup: { type: "string", default: "3" }, connections: { type: "string", default: "20" }, rebuild: { type: "boolean", default: false } },
  });
  const int = (name: string, v: unknown, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${String(v)})`);
    return n;
  };
  return {
    load: { durationS: int("duration", values.duration, 1), rounds: int("rounds", values.rounds, 1), warmupS: int("warmup", values.warmup, 0), connections: int("connections", values.connections, 1) },
    rebuild: values.rebuild === true,
  };
}

/** Runs the backlog bench; `alone` builds (when needed) into its own dist dir, otherwise the whole run's build is used. */
export async function runBacklogPart(alone = backlogPart() === "only"): Promise<void> {
  const { load, rebuild } = settings(process.argv.slice(2));
  const distDir = alone ? OWN_DIST_DIR : BENCH_DIST_DIR;
  if (alone && (rebuild || !existsSync(path.join(distDir, "BUILD_ID")))) await buildInto(distDir);
  console.log("▸ Team backlog with 5,000 actions…");
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  try {
    const run = await runBacklogBench(database, load, distDir);
    printBacklog(run);
    await saveBacklog(run);
  } finally {
    await database.drop().catch((e: unknown) => console.error(`Could not drop the backlog bench database: ${String(e)}`));
  }
  if (alone) console.log(`▸ Wrote ${await writeDoc()}`);
}

export { backlogSections };
