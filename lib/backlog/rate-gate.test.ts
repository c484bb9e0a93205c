import { describe, expect, it } from "vitest";
import { ProviderError, type BacklogProvider } from "./provider";
import { gated, pausedUntil } from "./rate-gate";

function fakeProvider(calls: number[], fail?: () => ProviderError | undefined): BacklogProvider {
  const run = async () => {
    calls.push(Date.now());
    const e = fail?.();
    if (e) throw e;
    return "ok";
  };
  return { name: "WEBHOOK", twoWay: false, testConnection: run, findByMarker: async () => (await run(), null), createIssue: async () => (await run(), { externalId: "1", key: "K", url: "u" }), updateIssue: async () => void (await run()), getIssue: async () => { throw new Error("n/a"); }, parseWebhook: () => ({ deliveryId: null, changes: [] }) };
}

describe("the per-connection gate", () => {
  it("holds every request of a connection after a 429 until the tracker's time, and refuses long waits at once", async () => {
    const calls: number[] = [];
    let first = true;
    const provider = gated(fakeProvider(calls, () => (first ? ((first = false), new ProviderError("rate-limited", "429", { retryAfterMs: 400 })) : undefined)), "conn-a");
    await expect(provider.testConnection()).rejects.toMatchObject({ kind: "rate-limited" });
    expect(pausedUntil("conn-a")).toBeGreaterThan(Date.now() + 300);
    const t0 = Date.now();
    await provider.testConnection();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);

    const slow = gated(fakeProvider([], () => new ProviderError("rate-limited", "429", { retryAfterMs: 60_000 })), "conn-b");
    await expect(slow.testConnection()).rejects.toMatchObject({ kind: "rate-limited" });
    const before = Date.now();
    await expect(slow.testConnection()).rejects.toMatchObject({ kind: "rate-limited", options: { retryAfterMs: expect.any(Number) } });
    expect(Date.now() - before).toBeLessThan(100); // not slept through: the job is rescheduled instead
  });

  it("lets at most `concurrency` requests of one connection run at once", async () => {
    let inFlight = 0;
    let peak = 0;
    const base = fakeProvider([]);
    const provider = gated({ ...base, testConnection: async () => { inFlight++; peak = Math.max(peak, inFlight); await new Promise((r) => setTimeout(r, 20)); inFlight--; return "ok"; } }, "conn-c", { concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => provider.testConnection()));
    expect(peak).toBe(2);
  });

  it("sends a refused request again once a short Retry-After has passed, but never repeats a create that may have made a second request", async () => {
    const calls: number[] = [];
    let refusals = 2;
    const provider = gated(fakeProvider(calls, () => (refusals-- > 0 ? new ProviderError("rate-limited", "429", { retryAfterMs: 150 }) : undefined)), "conn-d");
    const t0 = Date.now();
    await expect(provider.findByMarker("action-1")).resolves.toBeNull();
    expect(calls).toHaveLength(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(140);

    const input = { actionId: "action-1", title: "t", description: { type: "doc" }, priority: "HIGH", kind: "FIX", dueDate: null, review: { title: "r", url: "u" } } as const;
    refusals = 1;
    await expect(provider.createIssue({ ...input, status: "OPEN" })).resolves.toMatchObject({ key: "K" });
    refusals = 1;
    const before = calls.length;
    await expect(provider.createIssue({ ...input, status: "DONE" })).rejects.toMatchObject({ kind: "rate-limited" });
    expect(calls.length - before).toBe(1);
  });

  it("gives a long wait, or too many refusals in a row, back to the job queue", async () => {
    const calls: number[] = [];
    const provider = gated(fakeProvider(calls, () => new ProviderError("rate-limited", "429", { retryAfterMs: 20 })), "conn-e", { maxInlineRetries: 3 });
    await expect(provider.findByMarker("action-1")).rejects.toMatchObject({ kind: "rate-limited" });
    expect(calls).toHaveLength(4);
  });
});
