/**
 * `npm run worker` as its own process (lib/server/worker-main.ts), so a test can SIGKILL it at the
 * worst moment and start another. Started with `node --import tsx` (not the tsx CLI, whose child
 * would outlive a SIGKILL of the parent).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type WorkerProcess = {
  pid: number;
  output: () => string;
  /** JSON log lines written so far. */
  logs: () => Record<string, unknown>[];
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

const running = new Set<ChildProcess>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "lib/server/worker-main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      DATABASE_POOL_MAX: "4",
      DEBRIEF_DEMO: "0",
      DEBRIEF_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "debrief-worker-")),
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      DEBRIEF_JOBS_MONITOR_SECONDS: "2",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    pid: child.pid!,
    output: () => out,
    logs: () =>
      out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    exited,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
