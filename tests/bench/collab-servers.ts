/**
 * The two servers the collaboration benchmark compares, each in its own process so its memory can
 * be read from /proc: Debrief's collaboration server exactly as `npm run collab` runs it, and the
 * bare Yjs echo server (collab-echo-server.ts).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { spawnCollabServer } from "../support/collab-process";
import { freePort } from "../support/ports";

export type RunningServer = { kind: "debrief" | "bare"; url: string; pid: number; stop: () => Promise<void> };

export async function startDebriefCollab(databaseUrl: string, secret: string): Promise<RunningServer> {
  const server = await spawnCollabServer({ port: await freePort(), secret, databaseUrl, env: { DATABASE_POOL_MAX: "10", ...(process.env.COLLAB_NODE_OPTIONS ? { NODE_OPTIONS: process.env.COLLAB_NODE_OPTIONS } : {}) } });
  return { kind: "debrief", url: server.url, pid: server.pid, stop: server.stop };
}

export async function startBareEcho(): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "tests/bench/collab-echo-server.ts"], {
    env: { PATH: process.env.PATH ?? "", PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (d: string) => d.includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`the echo server exited with code ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    kind: "bare",
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident memory of a process, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return line ? Math.round(Number(line.replace(/\D+/g, "")) / 1024) : 0;
}
