/** Times in session client components: the viewer's browser zone, with the zone named. */
const fmt = new Map<string, Intl.DateTimeFormat>();

export function sessionTime(value: string | Date, withDate = false): string {
  const key = withDate ? "d" : "t";
  let f = fmt.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      ...(withDate ? { day: "numeric", month: "short" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    fmt.set(key, f);
  }
  return f.format(new Date(value));
}

const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as a browser-local `datetime-local` value. */
export function toLocalInput(value: string | Date): string {
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
