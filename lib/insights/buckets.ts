/** The weeks (starting Monday, UTC) or months of a period, as YYYY-MM-DD, so series have no gaps. */
import type { Period } from "./period";

const DAY = 86_400_000;

export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

export function buckets(from: Date, to: Date, bucket: "week" | "month"): string[] {
  const out: string[] = [];
  if (bucket === "week") {
    for (let t = weekStart(from).getTime(); t < to.getTime(); t += 7 * DAY) out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  }
  for (let d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); d < to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export const periodBuckets = (p: Period) => buckets(p.from, p.to, p.bucket);
export const periodWeeks = (p: Period) => buckets(p.from, p.to, "week");

// toLocaleDateString with options builds a new Intl formatter on every call (~50–100 µs); a
// dashboard labels hundreds of buckets per view, so the formatters and the labels are kept.
const WEEK_LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const MONTH_LABEL = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const labels = new Map<string, string>();

/** A short label for a bucket: "3 Mar" for weeks, "Mar 2026" for months. */
export function bucketLabel(key: string, bucket: "week" | "month"): string {
  const id = `${bucket}:${key}`;
  let label = labels.get(id);
  if (label === undefined) {
    const d = new Date(`${key}T00:00:00Z`);
    label = (bucket === "week" ? WEEK_LABEL : MONTH_LABEL).format(d);
    if (labels.size > 10_000) labels.clear();
    labels.set(id, label);
  }
  return label;
}
