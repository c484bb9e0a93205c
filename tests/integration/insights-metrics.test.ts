/**
 * Each Insights metric on hand-built data for one team over four weeks (6 Jan – 2 Feb 2025,
 * Monday to Sunday): medians and p90s (continuous percentiles), weekly counts with empty weeks,
 * open and overdue actions as the period ended, and that figures follow what the viewer may see.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { clearInsightsCache } from "../../lib/insights/insights-cache";
import { loadDashboard } from "../../lib/insights/load-dashboard";
import { loadMetric } from "../../lib/insights/load-metric";
import { metricCsv } from "../../lib/insights/metric-csv";
import { METRICS } from "../../lib/insights/metric-types";
import { insightsQuerySchema, resolvePeriod, type Period } from "../../lib/insights/period";
import type { Actor } from "../../lib/policies/types";
import { actorFor, buildIncident, buildReview, buildTeam, buildUser, uid } from "../support/factories";

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

let team: { id: string; slug: string; name: string };
let admin: Actor;
let outsider: Actor;
let period: Period;
/** The URL parameters that reproduce the resolved period, parsed as the route parses them. */
const query = () => insightsQuerySchema.parse(period.params);

async function review(title: string, o: { visibility?: "ORGANISATION" | "TEAM"; resolvedAt: Date; publishedAt: Date; revealedAt: Date; responders: number; submittedBefore: number }) {
  const incident = await buildIncident({ teamId: team.id });
  await db().incident.update({ where: { id: incident.id }, data: { resolvedAt: o.resolvedAt } });
  const people = await Promise.all(Array.from({ length: o.responders }, () => buildUser()));
  const r = await buildReview({ incidentId: incident.id, phase: "PUBLISHED", visibility: o.visibility ?? "ORGANISATION", title, participants: people.map((p) => ({ userId: p.id, role: "RESPONDER" as const })) });
  await db().review.update({ where: { id: r.id }, data: { publishedAt: o.publishedAt, revealedAt: o.revealedAt } });
  for (const [i, p] of people.entries()) {
    await db().responderAccount.create({
      data: { reviewId: r.id, authorId: p.id, content: {}, status: "SUBMITTED", submittedAt: new Date(o.revealedAt.getTime() + (i < o.submittedBefore ? -H : H)) },
    });
  }
  return r;
}

let rank = 0;
async function action(reviewId: string, o: { agreedAt: Date | null; closedAt?: Date; status?: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO"; priority?: "HIGH" | "MEDIUM" | "LOW"; dueDate?: Date; kind?: "FIX" | "PROCESS" | "LEARNING"; teamId?: string }) {
  return db().actionItem.create({
    data: {
      reviewId,
      teamId: o.teamId ?? team.id,
      title: `Action ${uid()}`,
      description: {},
      rank: `r${rank++}`,
      agreedAt: o.agreedAt,
      closedAt: o.closedAt ?? null,
      status: o.status ?? (o.closedAt ? "DONE" : "OPEN"),
      priority: o.priority ?? "MEDIUM",
      kind: o.kind ?? "FIX",
      dueDate: o.dueDate ?? null,
    },
  });
}

beforeAll(async () => {
  const [a, o] = await Promise.all([buildUser({ role: "ADMIN" }), buildUser()]);
  team = await buildTeam();
  await buildTeam([{ userId: o.id }]);
  [admin, outsider] = await Promise.all([actorFor(a.id), actorFor(o.id)]);
  period = await resolvePeriod({ period: "90d", from: "2025-01-06", to: "2025-02-02", team: team.slug });

  // Time to publish: 24 h, 48 h, 96 h. Participation: 2 of 3, 3 of 3, 0 of 3 before the reveal.
  const r1 = await review("First", { resolvedAt: at("2025-01-06"), publishedAt: at("2025-01-07"), revealedAt: at("2025-01-06"), responders: 3, submittedBefore: 2 });
  const r2 = await review("Second", { resolvedAt: at("2025-01-13"), publishedAt: at("2025-01-15"), revealedAt: at("2025-01-14"), responders: 3, submittedBefore: 3 });
  const r3 = await review("Third", { visibility: "TEAM", resolvedAt: at("2025-01-20"), publishedAt: at("2025-01-24"), revealedAt: at("2025-01-22"), responders: 3, submittedBefore: 0 });
  await review("Outside the period", { resolvedAt: at("2024-12-01"), publishedAt: at("2024-12-02"), revealedAt: at("2024-12-01"), responders: 1, submittedBefore: 1 });

  // Findings: 2 technical, 1 knowledge gap, 1 surprise, 1 went well.
  for (const [reviewId, category] of [
    [r1.id, "CONTRIBUTING_TECHNICAL"],
    [r1.id, "KNOWLEDGE_GAP"],
    [r2.id, "CONTRIBUTING_TECHNICAL"],
    [r2.id, "OPERATIONAL_SURPRISE"],
    [r3.id, "WENT_WELL"],
  ] as const) {
    await db().finding.create({ data: { reviewId, category, title: "F" } });
  }

  // Readers: 3, 1, 0.
  const readers = await Promise.all([buildUser(), buildUser(), buildUser()]);
  for (const u of readers) await db().reviewRead.create({ data: { reviewId: r1.id, userId: u.id, firstAt: at("2025-01-08") } });
  await db().reviewRead.create({ data: { reviewId: r2.id, userId: readers[0]!.id, firstAt: at("2025-01-16"), count: 4 } });
  // A read after the period does not count.
  await db().reviewRead.create({ data: { reviewId: r2.id, userId: readers[1]!.id, firstAt: at("2025-03-01") } });

  // Lead times of 1..10 days, done in weeks 1, 3 and 4 (3, 0, 5, 2 per week).
  const closes = ["2025-01-07", "2025-01-08", "2025-01-09", "2025-01-20", "2025-01-21", "2025-01-22", "2025-01-23", "2025-01-24", "2025-01-28", "2025-01-29"];
  for (const [i, c] of closes.entries()) {
    const closedAt = at(c);
    await action(r1.id, { agreedAt: new Date(closedAt.getTime() - (i + 1) * D), closedAt, kind: i % 2 ? "PROCESS" : "FIX" });
  }
  // Not lead time: dropped, done outside the period, or owned by another team.
  await action(r1.id, { agreedAt: at("2025-01-01"), closedAt: at("2025-01-10"), status: "WONT_DO" });
  await action(r1.id, { agreedAt: at("2024-11-01"), closedAt: at("2024-12-10") });
  await action(r1.id, { agreedAt: at("2025-01-01"), closedAt: at("2025-01-10"), teamId: (await buildTeam()).id });

  // Open when the period ended (2 Feb): overdue HIGH, MEDIUM without a date, LOW due later, one done only after the period.
  await action(r2.id, { agreedAt: at("2025-01-10"), priority: "HIGH", dueDate: at("2025-01-20") });
  await action(r2.id, { agreedAt: at("2025-01-10"), priority: "MEDIUM" });
  await action(r2.id, { agreedAt: at("2025-01-10"), priority: "LOW", dueDate: at("2025-03-01"), status: "IN_PROGRESS" });
  await action(r2.id, { agreedAt: at("2025-01-10"), priority: "HIGH", dueDate: at("2025-01-25"), closedAt: at("2025-02-10") });
  // Not open then: agreed after, or a proposal never agreed.
  await action(r2.id, { agreedAt: at("2025-02-05"), priority: "HIGH" });
  await action(r2.id, { agreedAt: null, priority: "HIGH" });
  clearInsightsCache();
});

describe("Insights metrics", () => {
  it("computes action lead time: median and p90 overall, per team and per week", async () => {
    const { data } = await loadMetric(admin, "lead-time", query());
    // Lead times 24..240 h: median 132 h; p90 = 24 × (1 + 0.9 × 9) = 218.4 h.
    expect(data.summary).toEqual({ done: 10, medianHours: 132, p90Hours: 218.4 });
    expect(data.teams).toEqual([{ team: team.name, done: 10, medianHours: 132, p90Hours: 218.4 }]);
    expect(data.series.map((s) => [s.bucket, s.done])).toEqual([
      ["2025-01-06", 3],
      ["2025-01-13", 0],
      ["2025-01-20", 5],
      ["2025-01-27", 2],
    ]);
    // Week 1: 1, 2, 3 days → median 48 h.
    expect(data.series[0]!.medianHours).toBe(48);
  });

  it("counts actions done per week, by kind, with empty weeks as zeros", async () => {
    const { data } = await loadMetric(admin, "frequency", query());
    expect(data.weeks.map((w) => w.total)).toEqual([3, 0, 5, 2]);
    expect(data.weeks[0]).toMatchObject({ week: "2025-01-06", FIX: 2, PROCESS: 1 });
    expect(data.summary).toEqual({ done: 10, weeks: 4, perWeek: 2.5, weeksWithNone: 1 });
  });

  it("counts open and overdue actions as the period ended, by team and priority", async () => {
    const { data } = await loadMetric(admin, "open-actions", query());
    expect(data.summary).toMatchObject({ open: 4, overdue: 2, asOf: "2025-02-02" });
    expect(data.summary.byPriority).toEqual({ HIGH: { open: 2, overdue: 2 }, MEDIUM: { open: 1, overdue: 0 }, LOW: { open: 1, overdue: 0 } });
    expect(data.table.rows).toEqual([
      { team: team.name, priority: "High", open: 2, overdue: 2 },
      { team: team.name, priority: "Medium", open: 1, overdue: 0 },
      { team: team.name, priority: "Low", open: 1, overdue: 0 },
    ]);
  });

  it("measures time from resolved to published", async () => {
    const { data } = await loadMetric(admin, "time-to-publish", query());
    expect(data.summary).toEqual({ reviews: 3, medianHours: 48, p90Hours: 86.4 });
    expect(data.table.rows.map((r) => r.hours)).toEqual([96, 48, 24]);
  });

  it("counts findings by category over time, and the share beyond technical fixes", async () => {
    const { data } = await loadMetric(admin, "findings", query());
    expect(data.summary.byCategory).toEqual({ CONTRIBUTING_TECHNICAL: 2, CONTRIBUTING_HUMAN: 0, KNOWLEDGE_GAP: 1, OPERATIONAL_SURPRISE: 1, WENT_WELL: 1 });
    expect(data.summary).toMatchObject({ findings: 5, reviews: 3, beyondTechnical: 0.5 });
    expect(data.series.map((s) => s.total)).toEqual([2, 2, 1, 0]);
  });

  it("measures participation: accounts submitted before the reveal", async () => {
    const { data } = await loadMetric(admin, "participation", query());
    expect(data.summary).toEqual({ reviews: 3, responders: 9, submitted: 5, share: 0.556 });
    expect(data.series.map((s) => s.share)).toEqual([0.667, 1, 0, null]);
  });

  it("counts readers per review and the organisation reached", async () => {
    const { data } = await loadMetric(admin, "readers", query());
    expect(data.reviews.map((r) => [r.title, r.readers, r.visits])).toEqual([
      ["First", 3, 3],
      ["Second", 1, 4],
      ["Third", 0, 0],
    ]);
    expect(data.summary).toMatchObject({ reviews: 3, readers: 3, medianReaders: 1 });
    expect(data.summary.reach).toBe(Math.round((3 / data.summary.activePeople) * 1000) / 1000);
  });

  it("counts only what the viewer may see: another team's member misses its team-only review and its actions", async () => {
    const { data } = await loadMetric(outsider, "time-to-publish", query());
    expect(data.summary.reviews).toBe(2);
    const open = await loadMetric(outsider, "open-actions", query());
    // The review of the open actions is published to the organisation: its actions are readable.
    expect(open.data.summary.open).toBe(4);
    const readers = await loadMetric(outsider, "readers", query());
    expect(readers.data.reviews.map((r) => r.title)).toEqual(["First", "Second"]);
  });

  it("loads the whole dashboard in one go, and writes a metric's table as CSV", async () => {
    const all = await loadDashboard(admin, period);
    // Every metric, each with the same summary as when loaded alone (the dashboard loads them in two lanes).
    expect(Object.keys(all).sort()).toEqual([...METRICS].sort());
    // (Readers' "active people" and reach count the whole organisation, which other test files grow meanwhile.)
    const steady = (name: string, summary: object) => (name === "readers" ? { ...summary, activePeople: 0, reach: 0 } : summary);
    for (const name of METRICS) expect(steady(name, all[name].summary), name).toEqual(steady(name, (await loadMetric(admin, name, query())).data.summary));
    expect(all["lead-time"].summary.done).toBe(10);
    expect(all.participation.summary.share).toBe(0.556);
    const csv = metricCsv(all["time-to-publish"].table);
    expect(csv.split("\r\n")[0]).toBe("Review,Team,Incident resolved,Review published,Hours to publish");
    expect(csv).toContain(`Third,${team.name},2025-01-20,2025-01-24,96`);
  });

  it("refuses periods out of range with a clear message", async () => {
    await expect(resolvePeriod({ period: "90d", from: "2025-02-01", to: "2025-01-01" })).rejects.toThrow("The last day must be on or after the first day.");
    await expect(resolvePeriod({ period: "90d", from: "2020-01-01", to: "2025-01-01" })).rejects.toThrow(/at most 732 days/);
    await expect(resolvePeriod({ period: "90d", from: "1999-01-01" })).rejects.toThrow(/2000-01-01 or later/);
    await expect(resolvePeriod({ period: "90d", team: `no-such-team-${uid()}` })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
