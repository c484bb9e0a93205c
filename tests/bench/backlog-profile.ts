/**
 * An investigation aid for the backlog bench, not part of `npm run bench`: seeds the 5,000-action
 * backlog on a fresh database, starts the server with `--cpu-prof`, requests each page
 * sequentially (one connection, so it hardly loads a shared machine), and prints the CPU per
 * request from /proc and where the server's time went (self time by function and by package).
 *
 *   flock /tmp/debrief-bench.lock npx tsx tests/bench/backlog-profile.ts [requests=150] [dist dir=.next-bench-backlog]
 *
 * DATABASE_URL chooses the database server as for the bench (unset: embedded).
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpuSampler, cpuSpent } from "./cpu";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BACKLOG_ACTIONS, seedBacklog } from "./backlog-seed";
import { createBenchDatabase } from "./database";
import { startServer } from "./server";
import { signIn } from "./session";

/** As the load generator asks: no compression (fetch would ask for gzip, and the server would spend CPU on it). */
async function getPage(base: string, pathname: string, cookie: string): Promise<{ html: string }> {
  const res = await fetch(`${base}${pathname}`, { headers: { cookie, "accept-encoding": "identity" }, redirect: "manual" });
  return { html: await res.text() };
}

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function summarise(file: string, top = 25): void {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const url = n.callFrame.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
    const key = `${n.callFrame.functionName || "(anonymous)"}  ${url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes("/server/chunks/") ? "app chunks" : url ? url.split("/")[0]! : n.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  });
  const show = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join("\n");
  console.log(`\n${path.basename(file)}: ${total.toFixed(0)} ms sampled\nBy package:\n${show(byPackage)}\nSelf time:\n${show(self)}`);
}

async function main() {
  const requests = Number(process.argv[2] ?? 150);
  const distDir = process.argv[3] ?? ".next-bench-backlog";
  const profDir = await mkdtemp(path.join(os.tmpdir(), "debrief-backlog-prof-"));
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  try {
    await (await startServer(database, { NEXT_DIST_DIR: distDir })).stop();
    const seed = await database.withConnection((url) => seedBacklog(url));
    const server = await startServer(database, { NEXT_DIST_DIR: distDir, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir}` });
    try {
      const cookie = await signIn(server.url, "pm@example.com");
      const cpu = await cpuSampler(server.pid, database.serverUrl || null);
      const targets = ["/api/health", "/reviews", "/teams/payments/backlog", `/api/v1/teams/${seed.teamId}/backlog`];
      for (const t of targets) for (let i = 0; i < 20; i++) await getPage(server.url, t, t === "/api/health" ? "" : cookie);
      for (const t of targets) {
        const before = await cpu.sample();
        const t0 = performance.now();
        let bytes = 0;
        for (let i = 0; i < requests; i++) bytes = (await getPage(server.url, t, t === "/api/health" ? "" : cookie)).html.length;
        console.log(`${t.padEnd(48)} ${((performance.now() - t0) / requests).toFixed(1).padStart(6)} ms/request wall, ${(((cpuSpent(before, await cpu.sample()).serverMs ?? NaN) / requests)).toFixed(1).padStart(5)} ms server CPU, ${bytes} bytes`);
      }
      await cpu.close();
    } finally {
      await server.stop();
    }
    console.log(`${BACKLOG_ACTIONS} actions; profiles in ${profDir}`);
    for (const f of readdirSync(profDir)) summarise(path.join(profDir, f));
  } finally {
    await database.drop();
  }
}

void main();
