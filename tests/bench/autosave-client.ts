/**
 * The autosave benchmark's clients: one per responder, each the only writer of its own account,
 * saving in a loop as the editor does — `PUT /api/v1/reviews/{id}/accounts/me` with the version
 * of its last acknowledged save, taking the new version from each 200. Each client remembers
 * what the server acknowledged, so the accounts can be checked against it afterwards.
 */
import http from "node:http";
import { isDeepStrictEqual } from "node:util";
import type { DocNode } from "../../lib/editor/doc";
import { accountDocument } from "./autosave-docs";

export type Responder = {
  index: number;
  email: string;
  cookie: string;
  /** The size this client's documents hover around. */
  bytes: number;
  /** The version of the last acknowledged save (0: none yet), which the next save is based on. */
  version: number;
  acknowledged: number;
  last: DocNode | null;
  sent: number;
  /** 200s whose version was not the previous + 1. */
  misordered: number;
  errors: number;
};

/** What one stretch of saving measured. */
export type Tally = { latencies: number[]; bodies: number[]; errors: number; statusCodes: Record<string, number> };
export const newTally = (): Tally => ({ latencies: [], bodies: [], errors: 0, statusCodes: {} });

const TIMEOUT_MS = 30_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function put(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "PUT", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer after ${TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

function staleVersion(text: string): number | null {
  try {
    const version = (JSON.parse(text) as { error?: { details?: { current?: { version?: unknown } } } }).error?.details?.current?.version;
    return typeof version === "number" ? version : null;
  } catch {
    return null;
  }
}

async function save(base: string, reviewId: string, r: Responder, tally: Tally): Promise<void> {
  const content = accountDocument(r.index, ++r.sent, r.bytes);
  const body = JSON.stringify({ content, baseVersion: r.version });
  // A session-cookie write must name its own origin (the cross-site check), as a browser's does.
  const headers = { cookie: r.cookie, origin: base, "content-type": "application/json" };
  const started = performance.now();
  let status = "failed";
  try {
    const res = await put(`${base}/api/v1/reviews/${reviewId}/accounts/me`, headers, body);
    const ms = performance.now() - started;
    status = String(res.status);
    if (res.status === 200) {
      const { version } = JSON.parse(res.text) as { version: number };
      if (version !== r.version + 1) r.misordered++;
      r.version = version;
      r.acknowledged++;
      r.last = content;
      tally.latencies.push(ms);
      tally.bodies.push(body.length);
    } else {
      r.errors++;
      tally.errors++;
      // A stale save (409) names the stored version: carry on from it, as the editor would after a choice.
      const current = res.status === 409 ? staleVersion(res.text) : null;
      if (current !== null) r.version = current;
    }
  } catch {
    r.errors++;
    tally.errors++;
  }
  tally.statusCodes[status] = (tally.statusCodes[status] ?? 0) + 1;
}

/**
 * Every client saves until `durationMs` has passed, waiting `pauseMs` after each answer (0: flat
 * out; otherwise clients start spread over the first pause). Requests in flight are awaited, so
 * nothing is still running afterwards. Returns the seconds it took.
 */
export async function drive(base: string, reviewId: string, responders: Responder[], durationMs: number, pauseMs: number, tally: Tally): Promise<number> {
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(
    responders.map(async (r) => {
      if (pauseMs > 0) await sleep(Math.random() * Math.min(pauseMs, durationMs));
      while (performance.now() < until) {
        await save(base, reviewId, r, tally);
        if (pauseMs > 0) await sleep(Math.min(pauseMs, until - performance.now()));
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

export type StoredAccount = { version: number; content: unknown };

/** Each account against its client's record: the last acknowledged content, at version = acknowledged saves. */
export function checkAccounts(responders: Responder[], stored: Map<string, StoredAccount>) {
  const problems: string[] = [];
  let matched = 0;
  let lost = 0;
  let misordered = 0;
  for (const r of responders) {
    const account = stored.get(r.email);
    const version = account?.version ?? 0;
    const sameContent = r.last === null ? account === undefined : account !== undefined && isDeepStrictEqual(account.content, r.last);
    if (!sameContent) {
      lost++;
      problems.push(`${r.email}: stored content (version ${version}) is not the last acknowledged save (${r.acknowledged} acknowledged)`);
    }
    if (version !== r.acknowledged || r.misordered > 0) {
      misordered++;
      problems.push(`${r.email}: version ${version} after ${r.acknowledged} acknowledged saves; ${r.misordered} answers out of sequence`);
    }
    if (sameContent && version === r.acknowledged && r.misordered === 0) matched++;
  }
  return { accounts: responders.length, acknowledged: responders.reduce((n, r) => n + r.acknowledged, 0), matched, lost, misordered, errors: responders.reduce((n, r) => n + r.errors, 0), problems };
}
