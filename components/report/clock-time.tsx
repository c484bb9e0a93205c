import { viewerTimeZone } from "@/lib/http/viewer";
import { formatDateTime } from "@/lib/ui/time";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}:${withDay}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(withDay ? { day: "numeric", month: "short" } : {}) });
    formats.set(key, f);
  }
  return f;
}

/** A clock time in the viewer's zone ("14:02", or "3 Mar 14:02" with `withDay`); the exact time with its zone on hover. */
export async function ClockTime({ date, withDay }: { date: Date; withDay?: boolean }) {
  const tz = await viewerTimeZone();
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, tz)} className="tabular-nums">
      {format(tz, !!withDay).format(date)}
    </time>
  );
}

/** The viewer's zone's short name at `date` ("CET"), to name it once above a list of clock times. */
export async function zoneName(date: Date): Promise<string> {
  const tz = await viewerTimeZone();
  return new Intl.DateTimeFormat("en-GB", { timeZone: tz, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? tz;
}
