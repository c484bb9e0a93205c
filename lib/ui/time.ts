/** Time formatting in the viewer's timezone, with the zone named. Pure. */

// Building an Intl formatter costs far more than using one: keep them per style and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: "datetime" | "date" | "probe", timeZone: string): Intl.DateTimeFormat {
  const key = `${style}:${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      style === "datetime"
        ? new Intl.DateTimeFormat("en-GB", {
            day: "numeric",
            month: "short",
            year: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
            timeZone,
            timeZoneName: "short",
          })
        : new Intl.DateTimeFormat("en-GB", style === "date" ? { dateStyle: "medium", timeZone } : { timeZone });
    if (formatters.size > 2_000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

export function isValidTimeZone(tz: string | undefined | null): tz is string {
  if (!tz || tz.length > 64) return false;
  try {
    formatter("probe", tz);
    return true;
  } catch {
    return false;
  }
}

export function formatDateTime(date: Date, timeZone: string): string {
  return formatter("datetime", timeZone).format(date);
}

export function formatDate(date: Date, timeZone: string): string {
  return formatter("date", timeZone).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 hours ago", "in 2 days", "just now". */
export function formatRelative(date: Date, now = new Date()): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 45_000) return "just now";
  for (const [unit, ms] of UNITS) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(Math.round(diff / 60_000), "minute");
}

/** Duration between two instants as "1 h 5 min", "38 min", "2 d 3 h". */
export function formatDuration(from: Date, to: Date): string {
  const mins = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/**
 * A wall-clock time typed in a `datetime-local` input ("2026-11-20T14:05") in `timeZone`,
 * as an instant. Handles DST by correcting with the zone's offset at that instant.
 */
export function zonedLocalToDate(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  const offset = (t: number) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - t;
  };
  let t = asUtc - offset(asUtc);
  t = asUtc - offset(t);
  return new Date(t);
}

/** An instant as a `datetime-local` value in `timeZone`. */
export function dateToZonedLocal(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** A time formatted on the server for a client component: the label shown, the exact time (with its zone) on hover. */
export type ShownTime = { iso: string; label: string; exact: string };

/** `date` as ShownTime in `timeZone`, labelled relatively ("3 days ago") or by its date. */
export function shownTime(date: Date, timeZone: string, label: "relative" | "date"): ShownTime {
  return { iso: date.toISOString(), label: label === "relative" ? formatRelative(date) : formatDate(date, timeZone), exact: formatDateTime(date, timeZone) };
}
