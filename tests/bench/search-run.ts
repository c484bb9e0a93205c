/**
 * The library search part of `npm run bench` (tests/bench/search.ts): part of a whole run, or alone with
 *   npm run bench -- --only=search [--search-reviews=20000] [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--web-processes=N] [--rebuild]
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped
 * afterwards. Alone it builds into its own NEXT_DIST_DIR (when missing, or with --rebuild), so it
 * never replaces another bench's build.
 */
import { runLoadPart } from "./load-part";
import { benchPart } from "./parts";
import { runSearchBench } from "./search";
import { printSearch, saveSearch, searchSections } from "./search-report";
import { BENCH_DIST_DIR } from "./server";

/** "only" for `--only=search`, "skip" for another `--only`, "also" in a whole run. */
export function searchPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  return benchPart("search", argv);
}

export async function runSearchPart(alone = searchPart() === "only"): Promise<void> {
  await runLoadPart({
    name: "search",
    reviewsOption: "search-reviews",
    defaultReviews: 20_000,
    ownDistDir: ".next-bench-search",
    sharedDistDir: BENCH_DIST_DIR,
    alone,
    run: runSearchBench,
    report: async (run) => {
      printSearch(run);
      await saveSearch(run);
    },
  });
}

export { searchSections };
