/**
 * What the load parts of `npm run bench` (search, dashboard) share: their options and running on a
 * fresh database of their own, alone (`--only=<part>`, with a build of their own) or in a whole run.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { buildInto, webProcessesToMeasure } from "./parts";
import { writeDoc } from "./report";

/** The settings of a load part (search, dashboard): how many reviews to seed and how to load them. */
export type LoadPartSettings = { reviews: number; connections: number; durationS: number; warmupS: number; rounds: number; webProcesses: number };

/** Reads `--<reviewsOption>`, `--duration`, `--rounds`, `--warmup`, `--connections`, `--rebuild` and `--web-processes`. */
export async function loadPartSettings(argv: string[], reviewsOption: string, defaultReviews: number): Promise<LoadPartSettings & { rebuild: boolean }> {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      [reviewsOption]: { type: "string", default: String(defaultReviews) },
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
    reviews: int(reviewsOption, values[reviewsOption], 1),
    durationS: int("duration", values.duration, 1),
    rounds: int("rounds", values.rounds, 1),
    warmupS: int("warmup", values.warmup, 0),
    connections: int("connections", values.connections, 1),
    rebuild: values.rebuild === true,
    webProcesses: await webProcessesToMeasure(argv),
  };
}

/**
 * Runs a load part on its own fresh database (DATABASE_URL's server when set, else an embedded
 * one), dropped afterwards. Alone it builds into `ownDistDir` (when missing, or with --rebuild),
 * so it never replaces another bench's build; in a whole run it uses the shared build.
 */
export async function runLoadPart<R>(part: {
  name: string;
  reviewsOption: string;
  defaultReviews: number;
  ownDistDir: string;
  sharedDistDir: string;
  alone: boolean;
  run: (db: BenchDatabase, s: LoadPartSettings, distDir: string) => Promise<R>;
  report: (result: R) => Promise<void>;
}): Promise<void> {
  const s = await loadPartSettings(process.argv.slice(2), part.reviewsOption, part.defaultReviews);
  const distDir = part.alone ? part.ownDistDir : part.sharedDistDir;
  if (part.alone && (s.rebuild || !existsSync(path.join(distDir, "BUILD_ID")))) await buildInto(distDir);
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  try {
    await part.report(await part.run(database, s, distDir));
  } finally {
    await database.drop().catch((e: unknown) => console.error(`Could not drop the ${part.name} bench database: ${String(e)}`));
  }
  if (part.alone) console.log(`▸ Wrote ${await writeDoc()}`);
}
