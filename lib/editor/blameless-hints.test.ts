import { describe, expect, it } from "vitest";
import { findHints } from "./blameless-hints";

const flagged = (text: string) => findHints(text).map((h) => [h.ruleId, h.phrase]);

describe("blameless language hints", () => {
  it.each([
    ["Sam should have checked the dashboard.", "counterfactual", "should have"],
    ["We shouldn't have deployed on Friday.", "counterfactual", "shouldn't have"],
    ["They should've known.", "counterfactual", "should've"],
    ["It could easily have been avoided.", "counterfactual", "could easily have"],
    ["The on-call engineer failed to escalate.", "failed-to", "failed to"],
    ["This was human error.", "human-error", "human error"],
    ["A careless change to the config.", "character", "careless"],
    ["Nobody did a sloppy job, honestly.", "character", "sloppy"],
    ["He didn't bother to read the runbook.", "didnt-bother", "didn't bother"],
    ["Obviously the cache was stale.", "obviously", "Obviously"],
    ["You just restart the pod.", "just", "just restart"],
    ["Why didn't anyone page the DBA?", "why-didnt", "Why didn't"],
    ["It was their fault.", "blame", "their fault"],
  ])("flags %j", (text, rule, phrase) => {
    expect(flagged(text)).toContainEqual([rule, phrase]);
  });

  it.each([
    "The pod failed to start after the node was drained.",
    "Replication failed to converge within ten minutes.",
    "She shouldered the pager for the whole weekend.",
    "I had just joined the call when the alert fired.",
    "The fix landed just in time.",
    "We saw errors just before midnight.",
    "The dashboard showed a clear spike.",
    "The health check fails to report partial outages, by design.",
    "Justin restarted the service.",
    "The user reported an error in checkout.",
    "We could not have known the certificate was pinned.",
  ])("does not flag %j", (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it("reports positions that select exactly the phrase, and explains each hint", () => {
    const text = "In hindsight we should have rolled back.";
    const [hint] = findHints(text);
    expect(text.slice(hint!.from, hint!.to)).toBe("should have");
    expect(hint!.explanation).toMatch(/hindsight/);
    expect(hint!.suggestion).toMatch(/hard to see at the time/);
  });

  it("finds several hints in order and never overlapping", () => {
    const hints = findHints("Obviously he should have known; it was human error and he failed to check.");
    expect(hints.map((h) => h.ruleId)).toEqual(["obviously", "counterfactual", "human-error", "failed-to"]);
    for (let i = 1; i < hints.length; i++) expect(hints[i]!.from).toBeGreaterThanOrEqual(hints[i - 1]!.to);
  });

  it("handles empty and very long text", () => {
    expect(findHints("")).toEqual([]);
    const long = "The service was slow. ".repeat(20_000) + "We should have scaled.";
    expect(findHints(long)).toHaveLength(1);
  });
});
