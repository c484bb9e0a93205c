/**
 * The push part of `npm run bench` (tests/bench/push.ts): part of a whole run, or alone with
 *   npm run bench -- --only=push
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped afterwards.
 * It fails (exit code 1) when an action was pushed twice or not at all.
 */
import { createBenchDatabase } from "./database";
import { printPush, savePush } from "./push-report";
import { writeDoc } from "./report";
import { benchPart } from "./parts";

/** "only" for `--only=push`, "skip" for another `--only`, "also" in a whole run. */
export function pushPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  return benchPart("push", argv);
}

export async function runPushPart(): Promise<void> {
  console.log("▸ Pushes: a published review's 200 actions into a rate-limited tracker…");
  process.env.LOG_LEVEL ??= "warn";
  const { runPushBench } = await import("./push");
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  try {
    const run = await runPushBench(database);
    printPush(run);
    await savePush(run);
    if (run.results.some((r) => r.duplicates || r.lost || !r.completed)) process.exitCode = 1;
  } finally {
    await database.drop().catch((e: unknown) => console.error(`Could not drop the push bench database: ${String(e)}`));
  }
  console.log(`▸ Wrote ${await writeDoc()}`);
}
