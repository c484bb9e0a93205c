/**
 * CPU time spent serving, read from /proc: the server's process tree (which includes the embedded
 * database, running in the server process) and, when the bench database is on a local
 * PostgreSQL, that database's backends. CPU per request hardly depends on what else the shared
 * machine is doing, so it is a steadier measure of a page's cost than throughput. Linux only;
 * elsewhere the sampler returns nulls.
 */
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one process, in ms; null when it is gone or unreadable. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/** CPU ms by pid, for the server's processes and the database's backends (null: not measurable here). */
export type CpuSnapshot = { server: Map<number, number>; database: Map<number, number> | null };
export type CpuSampler = { sample: () => Promise<CpuSnapshot | null>; close: () => Promise<void> };

function byPid(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/** Samples the CPU time of the server process tree under `serverPid` and, given `databaseUrl`, of that database's local backends. */
export async function cpuSampler(serverPid: number, databaseUrl: string | null): Promise<CpuSampler> {
  if (process.platform !== "linux") return { sample: async () => null, close: async () => {} };
  const pids = descendants(serverPid);
  let client: pg.Client | null = null;
  if (databaseUrl && ["localhost", "127.0.0.1", "[::1]"].includes(new URL(databaseUrl).hostname)) {
    client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => {}); // e.g. the bench database dropped under it: sampling just stops
    await client.connect();
  }
  return {
    async sample() {
      let database: Map<number, number> | null = null;
      if (client) {
        const { rows } = await client.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
        );
        database = byPid(rows.map((r) => r.pid));
        if (database.size < rows.length) database = null; // backends of another user: not readable
      }
      return { server: byPid(pids), database };
    },
    close: async () => void (await client?.end()),
  };
}

/** CPU ms spent between two snapshots (processes that started in between count from zero). */
export function cpuSpent(before: CpuSnapshot | null, after: CpuSnapshot | null): { serverMs: number | null; databaseMs: number | null } {
  const spent = (a: Map<number, number> | null | undefined, b: Map<number, number> | null | undefined) =>
    a && b ? [...b].reduce((sum, [pid, ms]) => sum + ms - (a.get(pid) ?? 0), 0) : null;
  return { serverMs: spent(before?.server, after?.server), databaseMs: spent(before?.database, after?.database) };
}
