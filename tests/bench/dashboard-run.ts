/**
 * The Insights dashboard part of `npm run bench` (tests/bench/dashboard.ts): part of a whole run, or alone with
 *   npm run bench -- --only=dashboard [--dashboard-reviews=5000] [--duration=5] [--rounds=3] [--warmup=3] [--connections=20] [--web-processes=N] [--rebuild]
 * on its own fresh database (DATABASE_URL's server when set, else an embedded one), dropped
 * afterwards. Alone it builds into its own NEXT_DIST_DIR (when missing, or with --rebuild), so it
 * never replaces another bench's build.
 */
import { runDashboardBench } from "./dashboard";
import { dashboardSections, printDashboard, saveDashboard } from "./dashboard-report";
import { runLoadPart } from "./load-part";
import { benchPart } from "./parts";
import { BENCH_DIST_DIR } from "./server";

/** "only" for `--only=dashboard`, "skip" for another `--only`, "also" in a whole run. */
export function dashboardPart(argv = process.argv.slice(2)): "only" | "also" | "skip" {
  return benchPart("dashboard", argv);
}

export async function runDashboardPart(alone = dashboardPart() === "only"): Promise<void> {
  await runLoadPart({
    name: "dashboard",
    reviewsOption: "dashboard-reviews",
    defaultReviews: 5_000,
    ownDistDir: ".next-bench-dashboard",
    sharedDistDir: BENCH_DIST_DIR,
    alone,
    run: runDashboardBench,
    report: async (run) => {
      printDashboard(run);
      await saveDashboard(run);
    },
  });
}

export { dashboardSections };
