import { Flag } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { ReportView } from "@/lib/library/get-report";
import { TIMELINE_KIND_LABEL } from "@/lib/responder-accounts/personal-timeline";
import { formatDuration } from "@/lib/ui/time";
import { ClockTime } from "./clock-time";

const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** The key moments as a row of steps (time since the start of the incident), then the shared timeline. */
export function KeyMoments({ report }: { report: ReportView }) {
  if (!report.keyMoments.length) return null;
  return (
    <ol className="mb-5 grid gap-2 sm:grid-cols-3" aria-label="Key moments">
      {report.keyMoments.map((k) => (
        <li key={k.entryId} className="rounded-md border border-border bg-surface-muted/50 px-3 py-2 break-inside-avoid">
          <div className="flex items-center justify-between gap-2 text-xs">
            <span className="font-semibold tracking-wide text-accent uppercase">{k.label}</span>
            <span className="text-muted">+{formatDuration(report.incident.startedAt, k.occurredAt)}</span>
          </div>
          <p className="mt-1 text-sm leading-snug">{k.description}</p>
        </li>
      ))}
    </ol>
  );
}

export function ReportTimeline({ report }: { report: ReportView }) {
  if (!report.timeline.length) return <p className="text-sm text-muted italic">The group did not build a shared timeline.</p>;
  const multiDay = new Set(report.timeline.map((e) => dayKey(e.occurredAt))).size > 1;
  return (
    <ol className="relative space-y-0 border-l border-border pl-0">
      {report.timeline.map((e) => (
        <li key={e.id} className="relative grid grid-cols-[4.5rem_1fr] gap-3 py-1.5 pl-4 break-inside-avoid sm:grid-cols-[5.5rem_1fr]">
          <span aria-hidden className={cn("absolute top-3 -left-[4.5px] size-2 rounded-full", e.keyMoment ? "bg-accent" : "bg-border")} />
          <span className="pt-0.5 text-xs text-muted">
            <ClockTime date={e.occurredAt} withDay={multiDay} />
          </span>
          <div className="min-w-0 text-sm">
            <span className={cn(e.keyMoment && "font-medium")}>{e.description}</span>
            <span className="ml-2 inline-flex items-center gap-1 text-xs text-muted">
              {TIMELINE_KIND_LABEL[e.kind]}
              {e.keyMoment ? (
                <span className="inline-flex items-center gap-0.5 text-accent">
                  <Flag aria-hidden className="size-3" /> {report.keyMoments.find((k) => k.entryId === e.id)?.label}
                </span>
              ) : null}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
