/**
 * The collaboration server as its own process, exactly as `npm run collab` runs it
 * (lib/server/collab-main.ts), so tests can SIGKILL and restart it, or run two of them.
 * Started with `node --import tsx` (not the tsx CLI, which would put the server in a child
 * process that a SIGKILL of the parent leaves running).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type CollabProcess = {
  port: number;
  url: string;
  pid: number;
  /** JSON log lines written so far. */
  logs: () => Record<string, unknown>[];
  output: () => string;
  /** SIGKILL: no shutdown, no final store. */
  kill: () => Promise<void>;
  /** SIGTERM: stores everything, then exits. */
  stop: () => Promise<void>;
};

const running = new Set<ChildProcess>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

export async function spawnCollabServer(options: { port: number; secret: string; databaseUrl: string; env?: Record<string, string> }): Promise<CollabProcess> {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "lib/server/collab-main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: "4",
      HOST: "127.0.0.1",
      COLLAB_PORT: String(options.port),
      COLLAB_SECRET: options.secret,
      DEBRIEF_DEMO: "0",
      DEBRIEF_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "debrief-collab-")),
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => {
    alive = false;
    running.delete(child);
  });

  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${options.port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (!alive || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The collaboration server on port ${options.port} did not start.\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const signal = async (sig: NodeJS.Signals) => {
    if (alive) child.kill(sig);
    await exited;
  };
  return {
    port: options.port,
    url: `ws://127.0.0.1:${options.port}/collab`,
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
    kill: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
}
