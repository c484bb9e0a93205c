/**
 * `npm run bench`: start-up time and the reviews list under load, against a fresh database —
 * a new one on DATABASE_URL's server when that is set (dropped afterwards), otherwise an
 * embedded one. Prints a table and rewrites docs/BENCHMARKS.md. Benchmarks, not tests: it fails
 * only when it cannot measure (e.g. pages redirect to sign-in), not when a target is missed.
 *
 *   npm run bench -- [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--startup-runs=5] [--rebuild]
 *   npm run bench -- --report-only    (rewrite docs/BENCHMARKS.md from the saved results and notes)
 *
 * --duration is per round: each target gets rounds × duration seconds of load.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { evaluate } from "./evaluate";
import { collabPart, runCollabPart } from "./collab-run";
import { describeMachine } from "./machine";
import { printRun, saveRun, writeDoc } from "./report";
import { runScenario, type ScenarioSettings } from "./scenario";
import { BENCH_DIST_DIR, ensureBuild, killServers } from "./server";
import type { BenchRun } from "./types";

function settingsFromArgs(): ScenarioSettings & { rebuild: boolean; reportOnly: boolean } {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "5" },
      rounds: { type: "string", default: "3" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "20" },
      "startup-runs": { type: "string", default: "5" },
      rebuild: { type: "boolean", default: false },
      "report-only": { type: "boolean", default: false },
    },
  });
  const int = (name: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${v})`);
    return n;
  };
  return {
    durationS: int("duration", values.duration, 1),
    rounds: int("rounds", values.rounds, 1),
    warmupS: int("warmup", values.warmup, 0),
    connections: int("connections", values.connections, 1),
    startupRuns: int("startup-runs", values["startup-runs"], 1),
    smallReviews: 200,
    largeReviews: 2000,
    rebuild: values.rebuild,
    reportOnly: values["report-only"],
  };
}

let database: BenchDatabase | null = null;

async function cleanUp(): Promise<void> {
  killServers();
  const db = database;
  database = null;
  await db?.drop().catch((e: unknown) => console.error(`Could not drop the bench database: ${String(e)}`));
}

async function main() {
  if (collabPart() === "only") return runCollabPart();
  const settings = settingsFromArgs();
  if (settings.reportOnly) return console.log(`▸ Wrote ${await writeDoc()}`);
  const machine = describeMachine();

  const build = await ensureBuild(settings.rebuild);
  console.log(build.built ? `▸ Built the web app into ${BENCH_DIST_DIR} in ${(build.ms / 1000).toFixed(0)} s` : `▸ Using the build in ${BENCH_DIST_DIR} (--rebuild to rebuild)`);

  database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  console.log(`▸ Benchmarking against ${database.kind === "embedded" ? "a fresh embedded database" : "a fresh database on DATABASE_URL's server"}`);
  const result = await runScenario(database, settings);
  await cleanUp();
  machine.loadAverageEnd = Math.round(os.loadavg()[0]! * 100) / 100;

  const run: BenchRun = {
    kind: process.env.DATABASE_URL ? "postgresql" : "embedded",
    machine,
    databaseVersion: result.databaseVersion,
    settings: { connections: settings.connections, durationS: settings.durationS, warmupS: settings.warmupS, rounds: settings.rounds, startupRuns: settings.startupRuns },
    startup: result.startup,
    ...evaluate(result.startup, result.loads),
  };
  printRun(run);
  await saveRun(run);
  if (collabPart() === "also") await runCollabPart();
  console.log(`▸ Wrote ${await writeDoc()}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers and dropping the bench database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  await cleanUp();
  process.exit(1);
});
