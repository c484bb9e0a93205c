/**
 * One gate per tracker connection in this process: at most a few requests in flight, and when the
 * tracker says "slow down" (429 / Retry-After / an exhausted rate limit) every request of that
 * connection waits until the time it gave — so a burst of pushes does not keep hammering it.
 *
 * A short wait (up to `maxInlineWaitMs`) is slept through and the refused request is sent again
 * right here: a 429 means the tracker did not act on it, so repeating it is safe — for a create only
 * when creating is a single request (an open issue: see BacklogProvider.createIssue) — and the push goes on without being rescheduled (a rescheduled job waits for the queue's next
 * poll and then searches harder for an issue an earlier attempt might have made — a third request
 * per push, at the very moment the tracker is short of them). `testConnection` is not repeated (the
 * person testing wants the tracker's verdict at once), nor `getIssue` (reconcile stops its pass). A wait longer than `maxInlineWaitMs`, or
 * more than `maxInlineRetries` refusals in a row, is not slept through: the request fails as
 * rate-limited with the remaining time, and the job queue reschedules the job for then (see
 * lib/jobs/backlog-sync.ts).
 */
import { isProviderError, ProviderError, type BacklogProvider } from "./provider";

type Gate = { pausedUntil: number; inFlight: number; waiters: (() => void)[] };

const gates = new Map<string, Gate>();

export const GATE_DEFAULTS = { concurrency: 4, maxInlineWaitMs: 3_000, maxInlineRetries: 10 };

function gate(key: string): Gate {
  let g = gates.get(key);
  if (!g) gates.set(key, (g = { pausedUntil: 0, inFlight: 0, waiters: [] }));
  return g;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquire(key: string, options: typeof GATE_DEFAULTS): Promise<void> {
  const g = gate(key);
  for (;;) {
    const wait = g.pausedUntil - Date.now();
    if (wait > options.maxInlineWaitMs) {
      throw new ProviderError("rate-limited", "Waiting for the tracker's rate limit to reset.", { retryAfterMs: wait });
    }
    if (wait > 0) {
      await sleep(wait);
      continue;
    }
    if (g.inFlight < options.concurrency) {
      g.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => g.waiters.push(resolve));
  }
}

function release(key: string): void {
  const g = gate(key);
  g.inFlight--;
  g.waiters.shift()?.();
}

/** Holds every request of `key` until `until` (ms since the epoch). */
export function pauseConnection(key: string, until: number): void {
  const g = gate(key);
  g.pausedUntil = Math.max(g.pausedUntil, until);
}

/** When the connection's requests may go again (0 when not paused). */
export function pausedUntil(key: string): number {
  return gates.get(key)?.pausedUntil ?? 0;
}

/** The provider with every call passed through the connection's gate. */
export function gated(provider: BacklogProvider, key: string, options: Partial<typeof GATE_DEFAULTS> = {}): BacklogProvider {
  const settings = { ...GATE_DEFAULTS, ...options };
  const through =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, repeatable: (...args: A) => boolean) =>
    async (...args: A): Promise<R> => {
      for (let refused = 0; ; refused++) {
        await acquire(key, settings);
        try {
          return await fn.apply(provider, args);
        } catch (e) {
          if (!isProviderError(e) || e.kind !== "rate-limited") throw e;
          const waitMs = e.retryAfterMs ?? 60_000;
          pauseConnection(key, Date.now() + waitMs);
          // Sent again by the loop once the pause is over (acquire sleeps through it), or left to the job queue.
          if (!repeatable(...args) || waitMs > settings.maxInlineWaitMs || refused >= settings.maxInlineRetries) throw e;
        } finally {
          release(key);
        }
      }
    };
  return {
    name: provider.name,
    twoWay: provider.twoWay,
    testConnection: through(provider.testConnection, () => false),
    findByMarker: through(provider.findByMarker, () => true),
    // Creating an open issue is one request in every provider, so a refusal created nothing; other
    // statuses take a second request (close, transition) that may be the one refused.
    createIssue: through(provider.createIssue, (input) => input.status === "OPEN"),
    // Updates set absolute values: sending one again changes nothing more.
    updateIssue: through(provider.updateIssue, () => true),
    // Reconcile's reads: its pass stops at a rate limit and the next pass goes on (lib/backlog/reconcile.ts).
    getIssue: through(provider.getIssue, () => false),
    parseWebhook: provider.parseWebhook.bind(provider),
  };
}
