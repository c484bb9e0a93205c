/** What the bench's parts (collab, push, backlog, search, dashboard) share: `--only` selection and a build of their own. */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { redisAnswers } from "../support/redis";

/** "only" for `--only=<name>`, "skip" for another `--only`, "also" in a whole run. */
export function benchPart(name: string, argv = process.argv.slice(2)): "only" | "also" | "skip" {
  const i = argv.findIndex((a) => a === "--only" || a.startsWith("--only="));
  if (i < 0) return "also";
  const value = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return value === name ? "only" : "skip";
}

/** `next build` into `distDir` (a part run alone keeps its own build, so it never replaces another's). */
export async function buildInto(distDir: string): Promise<void> {
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

/** Where several web processes share live events: REDIS_URL, else the local default. */
export const benchRedisUrl = () => process.env.REDIS_URL || "redis://127.0.0.1:6379";

/**
 * `--web-processes=N` (default: the CPUs, at most 4): how many web processes (DEBRIEF_WEB_PROCESSES)
 * a part measures besides one; 1 when N is 1 or no Redis answers (said so).
 */
export async function webProcessesToMeasure(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: false, options: { "web-processes": { type: "string", default: String(Math.min(os.availableParallelism(), 4)) } } });
  const n = Number(values["web-processes"]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--web-processes must be a whole number ≥ 1 (got ${String(values["web-processes"])})`);
  if (n > 1 && !(await redisAnswers(benchRedisUrl()))) {
    console.log(`▸ No Redis answers at ${benchRedisUrl()}: measuring one web process only`);
    return 1;
  }
  return n;
}
