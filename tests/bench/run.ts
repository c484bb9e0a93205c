/**
 * `npm run bench`: start-up time, the reviews list under load, and responders autosaving their
 * accounts (with first-load JS of the account page), against a fresh database — a new one on
 * DATABASE_URL's server when that is set (dropped afterwards), otherwise an embedded one. Prints
 * a table and rewrites docs/BENCHMARKS.md. Benchmarks, not tests: it fails only when it cannot
 * measure (e.g. pages redirect to sign-in, or the lost-update check finds a problem), not when a
 * target is missed.
 *
 *   npm run bench -- [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--startup-runs=5] [--rebuild]
 *                    [--autosave-clients=50] [--autosave-duration=30] [--autosave-pause=800] [--only=list|autosave]
 *                    [--web-processes=<CPUs, at most 4>]
 *   npm run bench -- --report-only    (rewrite docs/BENCHMARKS.md from the saved results and notes)
 *
 * --duration is per round: each target gets rounds × duration seconds of load. --autosave-duration
 * is per way of saving (flat out, paced), over all rounds. --only runs one part and keeps the
 * other part's saved results. --web-processes above 1 measures the large data set again with that
 * many web processes (DEBRIEF_WEB_PROCESSES), sharing REDIS_URL (default redis://127.0.0.1:6379);
 * it is skipped, saying so, when that Redis does not answer.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { evaluate } from "./evaluate";
import { runAutosave } from "./autosave";
import { backlogPart, runBacklogPart } from "./backlog-run";
import { collabPart, runCollabPart } from "./collab-run";
import { dashboardPart, runDashboardPart } from "./dashboard-run";
import { pushPart, runPushPart } from "./push-run";
import { runSearchPart, searchPart } from "./search-run";
import { describeMachine } from "./machine";
import { loadRun, printRun, saveRun, writeDoc } from "./report";
import { runScenario, type ScenarioSettings } from "./scenario";
import { BENCH_DIST_DIR, ensureBuild, killServers, startServer } from "./server";
import { benchRedisUrl, webProcessesToMeasure } from "./parts";
import type { BenchRun } from "./types";

type Settings = ScenarioSettings & { rebuild: boolean; reportOnly: boolean; only: "list" | "autosave" | null; autosave: { clients: number; durationS: number; pauseMs: number } };

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "5" },
      rounds: { type: "string", default: "3" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "20" },
      "startup-runs": { type: "string", default: "5" },
      "autosave-clients": { type: "string", default: "50" },
      "autosave-duration": { type: "string", default: "30" },
      "autosave-pause": { type: "string", default: "800" },
      "web-processes": { type: "string" },
      only: { type: "string" },
      rebuild: { type: "boolean", default: false },
      "report-only": { type: "boolean", default: false },
    },
  });
  const int = (name: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${v})`);
    return n;
  };
  const only = values.only;
  if (only !== undefined && only !== "list" && only !== "autosave") throw new Error(`--only must be list or autosave (got ${only})`);
  return {
    durationS: int("duration", values.duration, 1),
    rounds: int("rounds", values.rounds, 1),
    warmupS: int("warmup", values.warmup, 0),
    connections: int("connections", values.connections, 1),
    startupRuns: int("startup-runs", values["startup-runs"], 1),
    smallReviews: 200,
    largeReviews: 2000,
    webProcesses: 1,
    redisUrl: benchRedisUrl(),
    rebuild: values.rebuild,
    reportOnly: values["report-only"],
    only: only === "list" || only === "autosave" ? only : null,
    autosave: {
      clients: int("autosave-clients", values["autosave-clients"], 1),
      durationS: int("autosave-duration", values["autosave-duration"], 1),
      pauseMs: int("autosave-pause", values["autosave-pause"], 0),
    },
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
  if (pushPart() === "only") return runPushPart();
  if (backlogPart() === "only") return runBacklogPart();
  if (searchPart() === "only") return runSearchPart();
  if (dashboardPart() === "only") return runDashboardPart();
  const settings = settingsFromArgs();
  if (settings.reportOnly) return console.log(`▸ Wrote ${await writeDoc()}`);
  const machine = describeMachine();

  const build = await ensureBuild(settings.rebuild);
  console.log(build.built ? `▸ Built the web app into ${BENCH_DIST_DIR} in ${(build.ms / 1000).toFixed(0)} s` : `▸ Using the build in ${BENCH_DIST_DIR} (--rebuild to rebuild)`);

  database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  const kind = process.env.DATABASE_URL ? "postgresql" : "embedded";
  console.log(`▸ Benchmarking against ${database.kind === "embedded" ? "a fresh embedded database" : "a fresh database on DATABASE_URL's server"}`);
  const previous = settings.only ? await loadRun(kind) : null;
  if (settings.only && !previous) throw new Error(`--only needs a saved ${kind} run to complete: run the whole bench first.`);

  let run: BenchRun;
  if (settings.only === "autosave") {
    console.log("▸ First start (untimed): migrations and the demo organisation…");
    await (await startServer(database)).stop();
    run = previous!;
  } else {
    const result = await runScenario(database, { ...settings, webProcesses: await webProcessesToMeasure() });
    machine.loadAverageEnd = Math.round(os.loadavg()[0]! * 100) / 100;
    run = {
      ...previous,
      kind,
      machine,
      databaseVersion: result.databaseVersion,
      settings: { connections: settings.connections, durationS: settings.durationS, warmupS: settings.warmupS, rounds: settings.rounds, startupRuns: settings.startupRuns },
      startup: result.startup,
      ...evaluate(result.startup, result.loads),
    };
  }
  if (settings.only !== "list") {
    const { autosave, bundles } = await runAutosave(database, {
      ...settings.autosave,
      rounds: settings.rounds,
      warmupS: settings.warmupS,
      healthDurationS: settings.durationS,
      connections: settings.connections,
      reviews: settings.only === "autosave" ? 0 : settings.largeReviews,
    });
    run = { ...run, autosave, bundles };
  }
  await cleanUp();
  printRun(run);
  await saveRun(run);
  if (collabPart() === "also") await runCollabPart();
  if (pushPart() === "also") await runPushPart();
  if (backlogPart() === "also") await runBacklogPart();
  if (searchPart() === "also") await runSearchPart();
  if (dashboardPart() === "also") await runDashboardPart();
  console.log(`▸ Wrote ${await writeDoc()}`);
  const check = run.autosave?.check;
  if (check && (check.lost || check.misordered)) {
    console.error(`The autosave check failed: ${check.lost} accounts lost their last acknowledged save, ${check.misordered} misordered.`);
    process.exitCode = 1;
  }
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
