/**
 * The library search part of `npm run bench` (tests/bench/search.ts): part of a whole run, or alone with
 *   npm run bench -- --only=search [--search-reviews=20000] [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--web-processes=N]
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped
 * afterwards. Alone it builds into its own NEXT_DIST_DIR (when missing, or with --rebuild), so it
 * never replaces another bench's build.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBenchDatabase } from "./database";
import { writeDoc } from "./report";
import { runSearchBench } from "./search";
import { printSearch, saveSearch, searchSections } from "./search-report";
import { BENCH_DIST_DIR } from "./server";
import { benchPart, buildInto, webProcessesToMeasure } from "./parts";

const OWN_DIST_DIR = ".next-bench-search";

/** "only" for `--only=search`, "skip" for another `--only`, "also" in a whole run. */
export function searchPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  return benchPart("search", argv);
}

function settings(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      "search-reviews": { type: "string", default: "20000" },
      duration: { type: "string", default: "5" },
      rounds: { type: "string", default: "3" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "20" },
      rebuild: { type: "boolean", default: false },
    },
  });
  const int = (name: string, v: unknown, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${String(v)})`);
    return n;
  };
  return {
    reviews: int("search-reviews", values["search-reviews"], 1),
    durationS: int("duration", values.duration, 1),
    rounds: int("rounds", values.rounds, 1),
    warmupS: int("warmup", values.warmup, 0),
    connections: int("connections", values.connections, 1),
    rebuild: values.rebuild === true,
  };
}

export async function runSearchPart(alone = searchPart() === "only"): Promise<void> {
  const s = { ...settings(process.argv.slice(2)), webProcesses: await webProcessesToMeasure() };
  const distDir = alone ? OWN_DIST_DIR : BENCH_DIST_DIR;
  if (alone && (s.rebuild || !existsSync(path.join(distDir, "BUILD_ID")))) await buildInto(distDir);
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  try {
    const run = await runSearchBench(database, s, distDir);
    printSearch(run);
    await saveSearch(run);
  } finally {
    await database.drop().catch((e: unknown) => console.error(`Could not drop the search bench database: ${String(e)}`));
  }
  if (alone) console.log(`▸ Wrote ${await writeDoc()}`);
}

export { searchSections };
