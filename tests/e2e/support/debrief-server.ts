/**
 * Starts an extra Debrief server for a test that needs its own (restarts, an empty database): the
 * real `lib/server/main.ts`, exactly as `npm start` runs it, using the build the runner made.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { serverEnv } from "./server-env";

export type DebriefServer = {
  port: number;
  url: string;
  /** Everything the process wrote to stdout so far (JSON log lines with LOG_FORMAT=json). */
  stdout: () => string;
  stderr: () => string;
  /**
   * Sends SIGTERM straight to the server (node --import tsx, no wrapper process) and resolves with how the process ended; after
   * `graceMs` without an exit, SIGKILL. A no-op once it has exited.
   */
  stop: (graceMs?: number) => Promise<Exit>;
};

type Exit = { code: number | null; signal: NodeJS.Signals | null };

export async function startDebriefServer(port: number, env: Record<string, string> = {}, timeoutMs = 90_000): Promise<DebriefServer> {
  let out = "";
  let err = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/server/main.ts"], {
    env: { ...serverEnv(port), ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let running = true;
  void exited.then(() => (running = false));
  const stop = async (graceMs = 15_000): Promise<Exit> => {
    if (running) child.kill("SIGTERM");
    const timer = setTimeout(() => running && child.kill("SIGKILL"), graceMs);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!running) throw new Error(`Debrief on port ${port} exited while starting.\nstdout:\n${out}\nstderr:\n${err}`);
    const ready = await fetch(`${url}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop(5_000);
      throw new Error(`Debrief on port ${port} was not ready after ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    port,
    url,
    stdout: () => out,
    stderr: () => err,
    stop,
  };
}

/** The JSON lines of a server's log (other lines, if any, are skipped). */
export function jsonLogLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
