/**
 * The collaboration part of `npm run bench` (tests/bench/collab.ts): part of a whole run, or alone with
 *   npm run bench -- --only=collab
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped afterwards.
 */
import { runCollabBench } from "./collab";
import { printCollab, saveCollab } from "./collab-report";
import { createBenchDatabase } from "./database";
import { writeDoc } from "./report";
import { benchPart } from "./parts";

/** "only" for `--only=collab`, "skip" for another `--only`, "also" in a whole run. */
export function collabPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  return benchPart("collab", argv);
}

export async function runCollabPart(): Promise<void> {
  console.log("▸ Collaboration: Debrief's server against a bare Yjs echo server…");
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  try {
    const run = await runCollabBench(database);
    printCollab(run);
    await saveCollab(run);
  } finally {
    await database.drop().catch((e: unknown) => console.error(`Could not drop the collaboration bench database: ${String(e)}`));
  }
  console.log(`▸ Wrote ${await writeDoc()}`);
}
