/**
 * The Debrief server under test: the real `lib/server/main.ts`, launched exactly as `npm start`
 * runs it, on a build the bench makes once into its own NEXT_DIST_DIR (others build into .next).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { buildInto } from "./parts";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../support/ports";
import type { BenchDatabase } from "./database";

export const BENCH_DIST_DIR = ".next-bench";
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-bench";

export type BenchServer = {
  url: string;
  /** The launched process (the server itself runs in a child of it, as with `npm start`). */
  pid: number;
  /** Launch to the first 200 from /api/health. */
  readyMs: number;
  /** The `startupMs` the server logged (process start to listening), if it did. */
  loggedMs: number | null;
  stop: () => Promise<void>;
};

const running = new Set<ChildProcess>();

/** Kills every server still running (after a failure or Ctrl+C). */
export function killServers(): void {
  for (const child of running) child.kill("SIGKILL");
}

/** Builds the web app into BENCH_DIST_DIR when it has no build yet or `force` is set. */
export async function ensureBuild(force: boolean): Promise<{ built: boolean; ms: number }> {
  if (!force && existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID"))) return { built: false, ms: 0 };
  const started = performance.now();
  await buildInto(BENCH_DIST_DIR);
  return { built: true, ms: performance.now() - started };
}

function loggedStartup(stdout: string): number | null {
  for (const line of stdout.split("\n")) {
    if (!line.includes('"startupMs"')) continue;
    try {
      return (JSON.parse(line) as { startupMs?: number }).startupMs ?? null;
    } catch {
      // a partial line: ignore
    }
  }
  return null;
}

/** Launches a server on a free port and waits for the first 200 from /api/health. `extraEnv` is for investigations (e.g. NODE_OPTIONS=--cpu-prof). */
export async function startServer(db: BenchDatabase, extraEnv: Record<string, string> = {}, timeoutMs = 120_000): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PORT: String(port),
    HOST: "localhost",
    LOG_FORMAT: "json",
    AUTH_SECRET,
    DEBRIEF_DEMO: "1",
    DEBRIEF_DATA_DIR: db.dataDir,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    ...(db.serverUrl ? { DATABASE_URL: db.serverUrl } : {}),
    ...extraEnv,
  };
  let stdout = "";
  let stderr = "";
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "lib/server/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  // Keep the start of the log (the start-up lines) and drop request logs after that.
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    if (stdout.length < 64_000) stdout += d;
  });
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-16_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => {
    alive = false;
    running.delete(child);
  });

  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (!alive) throw new Error(`The server exited while starting.\nstdout:\n${stdout.slice(-4000)}\nstderr:\n${stderr}`);
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`The server was not serving /api/health after ${timeoutMs} ms.\nstdout:\n${stdout.slice(-4000)}\nstderr:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;

  return {
    url,
    pid: child.pid!,
    readyMs,
    loggedMs: loggedStartup(stdout),
    async stop() {
      if (!alive) return;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(force);
    },
  };
}
