/**
 * The backlog part of `npm run bench` (tests/bench/backlog.ts): part of a whole run, or alone with
 *   npm run bench -- --only=backlog [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--rebuild]
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped
 * afterwards. Alone it builds into its own NEXT_DIST_DIR, so it never replaces another bench's build.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runBacklogBench } from "./backlog";
import { backlogSections, printBacklog, saveBacklog } from "./backlog-report";
import { createBenchDatabase } from "./database";
import { writeDoc } from "./report";
import { BENCH_DIST_DIR } from "./server";

/** BENCH_BACKLOG_DIST_DIR: another build to measure (e.g. a change beside the build of the code before it). */
const OWN_DIST_DIR = process.env.BENCH_BACKLOG_DIST_DIR || ".next-bench-backlog";

/** "only" for `--only=backlog`, "skip" for another `--only`, "also" in a whole run. */
export function backlogPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  const i = argv.findIndex((a) => a === "--only" || a.startsWith("--only="));
  if (i < 0) return "also";
  const value = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return value === "backlog" ? "only" : "skip";
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

async function build(distDir: string): Promise<void> {
  console.log(`▸ Building the web app into ${distDir}…`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, DATABASE_URL: "postgresql://x@localhost:1/x" },
    });
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) throw new Error(`next build exited with code ${code}`);
}

/** Runs the backlog bench; `alone` builds (when needed) into its own dist dir, otherwise the whole run's build is used. */
export async function runBacklogPart(alone = backlogPart() === "only"): Promise<void> {
  const { load, rebuild } = settings(process.argv.slice(2));
  const distDir = alone ? OWN_DIST_DIR : BENCH_DIST_DIR;
  if (alone && (rebuild || !existsSync(path.join(distDir, "BUILD_ID")))) await build(distDir);
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
