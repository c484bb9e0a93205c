import { viewerTimeZone } from "@/lib/http/viewer";
import { formatDate, formatDateTime, formatRelative } from "@/lib/ui/time";

/** A time in the viewer's timezone with the zone named; relative times show the exact time on hover. */
export async function Time({ date, relative, dateOnly }: { date: Date | string; relative?: boolean; dateOnly?: boolean }) {
  const d = typeof date === "string" ? new Date(date) : date;
  const tz = await viewerTimeZone();
  const exact = formatDateTime(d, tz);
  return (
    <time dateTime={d.toISOString()} title={exact}>
      {relative ? formatRelative(d) : dateOnly ? formatDate(d, tz) : exact}
    </time>
  );
}
