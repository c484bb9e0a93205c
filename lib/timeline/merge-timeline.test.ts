import { describe, expect, it } from "vitest";
import { mergeTimeline, similarity, tokens, type AttributedEntry, type TimelineKindName } from "./merge-timeline";

const T0 = Date.parse("2026-03-10T13:00:00Z");
const author = (letter: string) => ({ accountId: `acc-${letter}`, author: { id: null, name: `Responder ${letter}`, label: `Responder ${letter}` } });

let n = 0;
function entry(letter: string, minutes: number, kind: TimelineKindName, description: string): AttributedEntry {
  return { id: `e${++n}-${letter}-${minutes}`, occurredAt: new Date(T0 + minutes * 60_000), timezone: "UTC", description, kind, evidenceUrl: null, own: false, ...author(letter) };
}
const kinds = (r: ReturnType<typeof mergeTimeline>) => r.divergences.map((d) => d.kind);

describe("similarity", () => {
  it("compares content words, ignoring case, punctuation, little words and simple endings", () => {
    expect([...tokens("The alerts FIRED; we restarted it.")].sort()).toEqual(["alert", "fir", "restart"]);
    expect(similarity("Checkout error rate alert fired in #payments-alerts", "Paged: checkout error rate alert")).toBeGreaterThan(0.6);
    expect(similarity("Restarted the indexer", "restarts indexer")).toBe(1);
    expect(similarity("Checkout dashboard showed 40% errors", "Dashboards looked normal, only latency was up")).toBeLessThan(0.3);
    expect(similarity("", "")).toBe(1);
  });
});

describe("mergeTimeline", () => {
  it("interleaves every author's entries by time, keeping their attribution", () => {
    const a1 = entry("A", 10, "ALERT", "Checkout error rate alert fired");
    const b1 = entry("B", 5, "OBSERVATION", "Deploy of checkout-api 2.14 finished");
    const a2 = entry("A", 20, "ACTION", "Rolled back checkout-api to 2.13");
    const { entries } = mergeTimeline([a2, a1, b1]);
    expect(entries.map((e) => [e.id, e.author.name])).toEqual([
      [b1.id, "Responder B"],
      [a1.id, "Responder A"],
      [a2.id, "Responder A"],
    ]);
  });

  it("flags the same moment described differently, with a plain summary", () => {
    const a = entry("A", 65, "OBSERVATION", "Checkout dashboard showed 40% errors");
    const b = entry("B", 67, "OBSERVATION", "Dashboards looked normal, only latency was up");
    const r = mergeTimeline([a, b]);
    expect(r.divergences).toEqual([
      { id: expect.stringMatching(/^described-differently-/), kind: "DESCRIBED_DIFFERENTLY", entryIds: [a.id, b.id], from: a.occurredAt, to: b.occurredAt, authors: ["Responder A", "Responder B"], summary: "Responder A and Responder B describe 14:05 differently" },
    ]);
    expect(r.entries.every((e) => e.divergenceIds[0] === r.divergences[0]!.id)).toBe(true);
    // Alerts and observations are the same kind: what someone saw.
    const alert = entry("C", 66, "ALERT", "Disk space alert on search-db-2");
    expect(mergeTimeline([a, alert]).divergences.map((d) => d.kind)).toEqual(["DESCRIBED_DIFFERENTLY"]);
    // Times are written in the zone asked for.
    expect(mergeTimeline([a, b], { timeZone: "Europe/Berlin" }).divergences[0]!.summary).toBe("Responder A and Responder B describe 15:05 differently");
  });

  it("groups three people's differing descriptions of one moment into one divergence", () => {
    const r = mergeTimeline([
      entry("A", 0, "OBSERVATION", "Error rate on checkout jumped to 40%"),
      entry("B", 1, "OBSERVATION", "Only the new node pool was failing"),
      entry("C", 2, "OBSERVATION", "Payment provider status page was green"),
    ]);
    expect(r.divergences).toHaveLength(1);
    expect(r.divergences[0]!.authors).toEqual(["Responder A", "Responder B", "Responder C"]);
    expect(r.divergences[0]!.summary).toBe("Responder A, Responder B and Responder C describe 13:00 differently");
  });

  it("does not flag alike descriptions, different kinds of entry, one author's own entries, or moments far apart", () => {
    const alike = [entry("A", 0, "ALERT", "Checkout error rate alert fired in #payments-alerts"), entry("B", 2, "ALERT", "Paged: checkout error rate alert")];
    const differentKinds = [entry("A", 9, "ACTION", "Restarted checkout-api-7f9c, no change"), entry("B", 10, "COMMUNICATION", "Riley asked in #platform whether the new node pool is involved")];
    const sameAuthor = [entry("A", 30, "OBSERVATION", "Handshake failures from two pods"), entry("A", 31, "OBSERVATION", "Provider status page green")];
    const farApart = [entry("A", 60, "DECISION", "Cordon the new node pool"), entry("B", 70, "DECISION", "Keep the provider's old chain for now")];
    for (const set of [alike, differentKinds, sameAuthor, farApart]) {
      expect(mergeTimeline(set).divergences.filter((d) => d.kind === "DESCRIBED_DIFFERENTLY"), set[0]!.description).toEqual([]);
    }
  });

  it("does not call extra detail a disagreement when two people agree on the moment (it is what one of them saw)", () => {
    const detail = entry("A", 1, "OBSERVATION", "Error dashboard showed TLS handshake failures");
    const r = mergeTimeline([entry("A", 0, "ALERT", "Checkout error alert fired"), detail, entry("B", 0, "ALERT", "Checkout error alert fired in #payments")]);
    expect(r.divergences.map((d) => [d.kind, d.entryIds])).toEqual([["SEEN_BY_ONE", [detail.id]]]);
  });

  it("flags what one person saw while others were active and recorded nothing like it", () => {
    const seen = entry("A", 100, "OBSERVATION", "Provider serves a new intermediate certificate since 14:00");
    const other = entry("B", 110, "ACTION", "Drained the new nodes");
    const r = mergeTimeline([seen, other]);
    expect(r.divergences).toEqual([
      expect.objectContaining({
        kind: "SEEN_BY_ONE",
        entryIds: [seen.id],
        authors: ["Responder A"],
        summary: "Only Responder A recorded “Provider serves a new intermediate certificate since 14:00” at 14:40; Responder B was active then and did not",
      }),
    ]);
  });

  it("does not flag what someone else also saw, what happened while nobody else was active, actions, or a single timeline", () => {
    const seenToo = [entry("A", 100, "OBSERVATION", "Provider serves a new intermediate certificate"), entry("B", 112, "COMMUNICATION", "Told #payments the provider's new intermediate certificate is served")];
    const aloneThen = [entry("A", 0, "OBSERVATION", "Broker restart during the maintenance window"), entry("B", 45, "ACTION", "Restarted the indexer")];
    const actionsOnly = [entry("A", 0, "ACTION", "Purged the CDN cache"), entry("B", 5, "ACTION", "Scaled the indexer to three replicas")];
    const single = [entry("A", 0, "OBSERVATION", "Lag at 2 million"), entry("A", 5, "ALERT", "Lag alert fired")];
    for (const set of [seenToo, aloneThen, actionsOnly, single]) expect(kinds(mergeTimeline(set)), set[0]!.description).not.toContain("SEEN_BY_ONE");
  });

  it("flags gaps much longer than usual, and only those", () => {
    const every5 = [0, 5, 10, 15, 20].map((m) => entry(m % 10 ? "A" : "B", m, "ACTION", `Step at ${m}`));
    const gap = mergeTimeline([...every5, entry("A", 65, "ACTION", "Step after the gap"), entry("B", 70, "ACTION", "Last step")]);
    expect(gap.divergences).toEqual([expect.objectContaining({ kind: "GAP", summary: "Nothing recorded for 45 min, between 13:20 and 14:05" })]);
    expect(gap.divergences[0]!.entryIds).toHaveLength(2);
    // Over 3× the median, but not over 30 minutes.
    expect(kinds(mergeTimeline([...every5, entry("A", 45, "ACTION", "Step after 25 minutes")]))).toEqual([]);
    // Over 30 minutes, but a normal pace for this incident.
    const slow = [0, 20, 40, 60, 100, 120].map((m) => entry("A", m, "ACTION", `Step at ${m}`));
    expect(kinds(mergeTimeline(slow))).toEqual([]);
    // Two entries: no typical gap to compare with.
    expect(kinds(mergeTimeline([entry("A", 0, "ACTION", "x"), entry("A", 300, "ACTION", "y")]))).toEqual([]);
  });

  it("finds each kind of divergence in a realistic incident, and nothing else", () => {
    // "Search results stale for six hours", as three responders recorded it.
    const brokerRestart = entry("B", 0, "OBSERVATION", "Broker restart during the maintenance window");
    const rebalance = entry("C", 2, "OBSERVATION", "Indexer logged a rebalance warning, then went quiet");
    const ticket = entry("A", 180, "COMMUNICATION", "Support escalated a price mismatch ticket");
    const purge = entry("A", 195, "ACTION", "Purged the CDN cache for search pages");
    const lagAlert = entry("C", 230, "ALERT", "Found the lag alert firing in #search-legacy since the morning");
    const lag = entry("B", 240, "OBSERVATION", "Indexer consumer lag at 2.1 million messages");
    const stillWrong = entry("A", 242, "OBSERVATION", "Search prices still wrong after the CDN purge");
    const restart = entry("B", 250, "ACTION", "Restarted the indexer; lag draining");
    const caughtUp = entry("C", 360, "OBSERVATION", "Index fully caught up");
    const r = mergeTimeline([caughtUp, restart, stillWrong, lag, lagAlert, purge, ticket, rebalance, brokerRestart]);
    expect(r.divergences.map((d) => [d.kind, d.entryIds])).toEqual([
      ["DESCRIBED_DIFFERENTLY", [brokerRestart.id, rebalance.id]],
      ["GAP", [rebalance.id, ticket.id]],
      ["SEEN_BY_ONE", [lagAlert.id]],
      ["DESCRIBED_DIFFERENTLY", [lag.id, stillWrong.id]],
      ["GAP", [restart.id, caughtUp.id]],
    ]);
    expect(r.divergences.map((d) => d.summary)).toEqual([
      "Responder B and Responder C describe 13:00 differently",
      "Nothing recorded for 2 h 58 min, between 13:02 and 16:00",
      "Only Responder C recorded “Found the lag alert firing in #search-legacy since the morning” at 16:50; Responder B and Responder A were active then and did not",
      "Responder B and Responder A describe 17:00 differently",
      "Nothing recorded for 1 h 50 min, between 17:10 and 19:00",
    ]);
    // Ids are stable: the same entries give the same divergences.
    expect(mergeTimeline([brokerRestart, rebalance, ticket, purge, lagAlert, lag, stillWrong, restart, caughtUp]).divergences.map((d) => d.id)).toEqual(r.divergences.map((d) => d.id));
    expect(new Set(r.divergences.map((d) => d.id)).size).toBe(r.divergences.length);
  });

  it("returns nothing for an empty timeline", () => {
    expect(mergeTimeline([])).toEqual({ entries: [], divergences: [] });
  });
});
