import { describe, expect, it } from "vitest";
import { isVagueTitle, vagueTitleHints } from "./vague-title";

const rules = (title: string) => vagueTitleHints(title).map((h) => h.ruleId);

describe("vague action titles", () => {
  const mustFlag: [string, string][] = [
    ["Improve monitoring", "vague-improvement"],
    ["improve the alerting for checkout", "vague-improvement"],
    ["Better alerting on the search cluster", "vague-improvement"],
    ["More testing before releases", "vague-improvement"],
    ["Review the process around deploys", "vague-improvement"],
    ["Monitoring improvements for PgBouncer", "vague-improvement"],
    ["Be more careful", "try-harder"],
    ["Engineers should be more careful when deploying on Fridays", "try-harder"],
    ["Pay more attention to the certificate expiry e-mails", "try-harder"],
    ["Raise awareness of the failover runbook", "try-harder"],
    ["Communicate better", "communicate-better"],
    ["Better communication between payments and support", "communicate-better"],
    ["Look into the database failover", "look-into"],
    ["Investigate further", "look-into"],
    ["Investigate the issue with the indexer", "look-into"],
    ["Follow up on the refund retries", "look-into"],
    ["Fix the issue", "generic-fix"],
    ["Fix the bug in the notification worker", "generic-fix"],
    ["Prevent this from happening again", "generic-fix"],
    ["Make sure this doesn't happen again", "generic-fix"],
    ["Find the root cause of the failover", "root-cause"],
    ["Runbook TBD", "placeholder"],
    ["Update dashboards etc.", "placeholder"],
    ["Monitoring", "too-short"],
    ["Update runbook", "vague-improvement"],
    ["Failover drills", "too-short"],
    ["Add alert", "too-short"],
  ];
  for (const [title, rule] of mustFlag)
    it(`flags “${title}” (${rule})`, () => {
      expect(rules(title)).toContain(rule);
      expect(isVagueTitle(title)).toBe(true);
    });

  const mustNotFlag = [
    "Alert when indexer consumer lag exceeds 100k messages for 5 minutes",
    "Add the provider's intermediate certificate to the pinned chain and test a rotation in staging",
    "Route the search lag alert to #search-oncall instead of #search-legacy",
    "Improve monitoring: page on-call when connection-pool wait time exceeds 2 s",
    "Improve alerting so that a failover pages the database on-call",
    "Write a runbook for PgBouncer reconnects after a failover",
    "Make the refund e-mail send idempotent with a per-refund key",
    "Document how to read the indexer lag graph on the search dashboard",
    "Investigate why the indexer idles after a consumer-group rebalance",
    "Test careful handling of duplicate webhook deliveries",
    "Fix the retry loop in the notification worker that re-sends after a timeout",
    "Rehearse a database failover during business hours every quarter",
    "Link the lag graph from the search dashboard",
  ];
  for (const title of mustNotFlag)
    it(`does not flag “${title}”`, () => {
      expect(vagueTitleHints(title)).toEqual([]);
      expect(isVagueTitle(title)).toBe(false);
    });

  it("names the phrase, explains and suggests; an empty title gets no hint (the form asks for one)", () => {
    const [hint] = vagueTitleHints("We should look into the cache");
    expect(hint).toEqual({ ruleId: "look-into", phrase: "look into", explanation: expect.stringContaining("activity"), suggestion: expect.any(String) });
    expect(vagueTitleHints("   ")).toEqual([]);
    expect(vagueTitleHints("Improve monitoring, be more careful").map((h) => h.ruleId)).toEqual(["try-harder", "vague-improvement"]);
  });

  it("never says root cause or blame in its own words", () => {
    const text = ["Improve monitoring", "Be careful", "Fix it", "Look into it", "Monitoring", "TBD"].flatMap(vagueTitleHints).map((h) => `${h.explanation} ${h.suggestion}`).join(" ");
    expect(text).not.toMatch(/\bblame|\bfault/i);
  });
});
