/** What the bench's parts (collab, push, backlog, search, dashboard) share: `--only` selection and a build of their own. */
import { spawn } from "node:child_process";
import path from "node:path";

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
