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

/** A short label for a bucket: "3 Mar" for weeks, "Mar 2026" for months. */
export function bucketLabel(key: string, bucket: "week" | "month"): string {
  const d = new Date(`${key}T00:00:00Z`);
  return bucket === "week"
    ? d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })
    : d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
}
