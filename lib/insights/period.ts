/**
 * The period and team an Insights view covers, from URL parameters: a preset (`period=30d|90d|180d|365d`)
 * or a custom range (`from`, `to` as YYYY-MM-DD, both inclusive), and an optional team slug. Dates
 * are UTC days. Ranges out of bounds are refused with a message that says what is allowed.
 */
import { z } from "zod";
import { db } from "../db/client";
import { AppError } from "../errors";

export const PERIODS = ["30d", "90d", "180d", "365d"] as const;
export type PeriodName = (typeof PERIODS)[number];
export const PERIOD_LABEL: Record<PeriodName, string> = { "30d": "Last 30 days", "90d": "Last 90 days", "180d": "Last 6 months", "365d": "Last 12 months" };
const PERIOD_DAYS: Record<PeriodName, number> = { "30d": 30, "90d": 90, "180d": 180, "365d": 365 };

const DAY = 86_400_000;
const MAX_DAYS = 2 * 366;
const EARLIEST = "2000-01-01";

const blankAsMissing = (v: unknown) => (v === "" || v === null ? undefined : v);
const day = (what: string) =>
  z.preprocess(blankAsMissing, z.iso.date({ error: `Give ${what} as YYYY-MM-DD, e.g. 2026-01-31.` }).optional()).describe(`${what[0]!.toUpperCase()}${what.slice(1)} (YYYY-MM-DD, UTC, inclusive).`);

export const insightsQuerySchema = z.object({
  period: z.preprocess(blankAsMissing, z.enum(PERIODS, { error: `period is one of ${PERIODS.join(", ")}.` }).default("90d")).describe("A preset period ending now; ignored when `from` is given."),
  from: day("the first day"),
  to: day("the last day"),
  team: z.preprocess(blankAsMissing, z.string().trim().min(1).max(100).optional()).describe("A team's slug: only that team's reviews and actions. Omit for the organisation."),
});

export type InsightsQuery = z.output<typeof insightsQuerySchema>;

export type Period = {
  from: Date;
  /** Exclusive end. */
  to: Date;
  label: string;
  /** Charts over time group by week up to 120 days, by month beyond. */
  bucket: "week" | "month";
  team: { id: string; name: string; slug: string } | null;
  /** The parameters that reproduce this view (for links and CSV URLs). */
  params: Record<string, string>;
};

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const iso = (d: Date) => d.toISOString().slice(0, 10);

function range(q: InsightsQuery, now: Date): { from: Date; to: Date; label: string; params: Record<string, string> } {
  if (!q.from && q.to) throw new AppError("VALIDATION_FAILED", "Give the first day (from) with the last day (to).", { fields: { from: ["Give the first day too."] } });
  if (!q.from) {
    const to = new Date(startOfDay(now).getTime() + DAY);
    return { from: new Date(to.getTime() - PERIOD_DAYS[q.period] * DAY), to, label: PERIOD_LABEL[q.period], params: { period: q.period } };
  }
  const from = new Date(`${q.from}T00:00:00Z`);
  const last = q.to ? new Date(`${q.to}T00:00:00Z`) : startOfDay(now);
  const bad = (field: "from" | "to", message: string) => new AppError("VALIDATION_FAILED", message, { fields: { [field]: [message] } });
  if (q.from < EARLIEST) throw bad("from", `The first day must be ${EARLIEST} or later.`);
  if (last.getTime() > startOfDay(now).getTime() + 366 * DAY) throw bad("to", "The last day must be within a year from today.");
  if (last < from) throw bad("to", "The last day must be on or after the first day.");
  if ((last.getTime() - from.getTime()) / DAY + 1 > MAX_DAYS) throw bad("to", `A period can span at most ${MAX_DAYS} days.`);
  const to = new Date(last.getTime() + DAY);
  return { from, to, label: `${iso(from)} – ${iso(last)}`, params: { from: iso(from), to: iso(last) } };
}

export async function resolvePeriod(q: InsightsQuery, now = new Date()): Promise<Period> {
  const r = range(q, now);
  const team = q.team ? await db().team.findUnique({ where: { slug: q.team }, select: { id: true, name: true, slug: true } }) : null;
  if (q.team && !team) throw AppError.notFound("Team");
  const days = (r.to.getTime() - r.from.getTime()) / DAY;
  return { from: r.from, to: r.to, label: r.label, bucket: days <= 120 ? "week" : "month", team, params: { ...r.params, ...(team ? { team: team.slug } : {}) } };
}
