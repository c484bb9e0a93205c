/**
 * The collaboration benchmark: Debrief's collaboration server against a bare Yjs-over-WebSocket
 * echo server, same clients, same workload, same run. (1) One document, 30 clients, one of them
 * typing 10 characters a second: how long each keystroke takes to reach the 29 others. (2) 200
 * documents × 4 clients (800 connections), one typist per document: the server's memory and the
 * latency under that load. Clients run in this process; each server in its own. Each scenario runs
 * in rounds that alternate the two servers, so both see the same (shared, noisy) machine.
 */
import { randomBytes } from "node:crypto";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { signCollabToken } from "../../lib/collaboration/token";
import { disconnectDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { bareClient, hocuspocusClient, typeAndMeasure, type BenchClient, type Group } from "./collab-clients";
import { seedCollabReviews, type CollabCast } from "./collab-seed";
import { rssMiB, startBareEcho, startDebriefCollab, type RunningServer } from "./collab-servers";
import type { BenchDatabase } from "./database";
import { databaseVersion } from "./database";
import { describeMachine } from "./machine";
import { percentile, round } from "./stats";
import type { DatabaseKind, Machine } from "./types";

export type CollabSettings = {
  clients: number;
  rate: number;
  durationS: number;
  documents: number;
  perDocument: number;
  manyRate: number;
  manyDurationS: number;
  /** Each scenario runs this many times, alternating servers (bare, Debrief, bare, …): medians are reported. */
  rounds: number;
};
export const DEFAULT_COLLAB_SETTINGS: CollabSettings = { clients: 30, rate: 10, durationS: 15, documents: 200, perDocument: 4, manyRate: 2, manyDurationS: 10, rounds: 3 };

export type CollabRound = {
  /** Connecting and syncing every client (authentication and loading included). */
  connectMs: number;
  samples: number;
  missing: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rssPeakMiB: number;
};

export type CollabResult = {
  scenario: "one document" | "many documents";
  server: "debrief" | "bare";
  documents: number;
  connections: number;
  /** Keystrokes per round. */
  edits: number;
  /** Resident memory before the first client of the first round connected. */
  rssIdleMiB: number;
  rounds: CollabRound[];
};

export type CollabRun = { kind: DatabaseKind; machine: Machine; databaseVersion: string; settings: CollabSettings; results: CollabResult[] };

async function connectAll(make: () => BenchClient[][]): Promise<{ groups: BenchClient[][]; ms: number }> {
  const started = performance.now();
  const groups = make();
  await Promise.all(groups.flat().map((c) => c.ready));
  return { groups, ms: performance.now() - started };
}

async function measureRound(server: RunningServer, cast: CollabCast, perDocument: number, rate: number, durationS: number, secret: string): Promise<CollabRound & { edits: number }> {
  const { groups, ms } = await connectAll(() =>
    cast.reviewIds.map((reviewId) =>
      cast.userIds.slice(0, perDocument).map((userId) => {
        if (server.kind === "bare") return bareClient(server.url, reviewId);
        const document = narrativeDocumentName(reviewId);
        return hocuspocusClient(server.url, document, signCollabToken({ userId, reviewId, document }, secret).token);
      }),
    ),
  );
  let rssPeakMiB = rssMiB(server.pid);
  const sampler = setInterval(() => (rssPeakMiB = Math.max(rssPeakMiB, rssMiB(server.pid))), 250);
  try {
    const typing = await typeAndMeasure(
      groups.map((clients): Group => ({ typist: clients[0]!, readers: clients.slice(1) })),
      { rate, durationS },
    );
    rssPeakMiB = Math.max(rssPeakMiB, rssMiB(server.pid));
    const l = typing.latenciesMs;
    const pct = (p: number) => round(percentile(l, p), 2);
    return { connectMs: Math.round(ms), edits: typing.edits, samples: l.length, missing: typing.missing, p50: pct(50), p95: pct(95), p99: pct(99), max: pct(100), rssPeakMiB };
  } finally {
    clearInterval(sampler);
    for (const c of groups.flat()) c.close();
    // Let the server see everyone leave (and store) before the next round.
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Runs both scenarios on both servers against a fresh database (migrated and seeded here). */
export async function runCollabBench(database: BenchDatabase, settings: CollabSettings = DEFAULT_COLLAB_SETTINGS): Promise<CollabRun> {
  const machine = describeMachine();
  return database.withConnection(async (url) => {
    await migrate(url);
    process.env.DATABASE_URL = url;
    // Fresh documents for every round: a round's typing starts from an empty narrative.
    const one: CollabCast[] = [];
    const many: CollabCast[] = [];
    for (let r = 0; r < settings.rounds; r++) {
      one.push(await seedCollabReviews(1, settings.clients));
      many.push(await seedCollabReviews(settings.documents, settings.perDocument));
    }
    const secret = randomBytes(32).toString("base64url");
    const servers = [await startBareEcho(), await startDebriefCollab(url, secret)];
    const results: CollabResult[] = [];
    try {
      const scenarios = [
        { scenario: "one document" as const, casts: one, perDocument: settings.clients, rate: settings.rate, durationS: settings.durationS },
        { scenario: "many documents" as const, casts: many, perDocument: settings.perDocument, rate: settings.manyRate, durationS: settings.manyDurationS },
      ];
      for (const sc of scenarios) {
        const byServer = servers.map((server): CollabResult => ({
          scenario: sc.scenario,
          server: server.kind,
          documents: sc.casts[0]!.reviewIds.length,
          connections: sc.casts[0]!.reviewIds.length * sc.perDocument,
          edits: 0,
          rssIdleMiB: rssMiB(server.pid),
          rounds: [],
        }));
        // Rounds alternate the servers, so both see the same (shared, noisy) machine.
        for (let r = 1; r <= settings.rounds; r++) {
          for (const [i, server] of servers.entries()) {
            console.log(`  ${sc.scenario}, round ${r}/${settings.rounds}: ${server.kind}…`);
            const { edits, ...measured } = await measureRound(server, sc.casts[r - 1]!, sc.perDocument, sc.rate, sc.durationS, secret);
            byServer[i]!.edits = edits;
            byServer[i]!.rounds.push(measured);
          }
        }
        results.push(...byServer);
      }
    } finally {
      for (const server of servers) await server.stop();
    }
    const version = await databaseVersion(url);
    await disconnectDb();
    machine.loadAverageEnd = describeMachine().loadAverage;
    return { kind: database.kind, machine, databaseVersion: version, settings, results };
  });
}
