import type { ShownTime } from "@/lib/ui/time";

/** A time formatted on the server (shownTime): its label, the exact time on hover. Plain, so client components use it too. */
export function TimeLabel({ time }: { time: ShownTime }) {
  return (
    <time dateTime={time.iso} title={time.exact}>
      {time.label}
    </time>
  );
}
