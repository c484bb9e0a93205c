import { ExternalLink } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReportView } from "@/lib/library/get-report";

const STATUS_TONE: Record<string, BadgeTone> = { OPEN: "neutral", IN_PROGRESS: "accent", DONE: "success", WONT_DO: "neutral" };

/** The review's actions with their live status in the owning teams' backlogs. */
export function ReportActions({ report }: { report: ReportView }) {
  if (!report.actions.length) return <p className="text-sm text-muted italic">No actions were agreed.</p>;
  return (
    <ul className="divide-y divide-border rounded-md border border-border">
      {report.actions.map((a) => (
        <li key={a.id} id={`action-${a.id}`} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 py-3 break-inside-avoid">
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium">{a.title}</p>
            <p className="mt-0.5 text-xs text-muted">
              {a.team.name} · {a.kindLabel} · {a.priorityLabel} priority
              {a.dueDate ? ` · due ${a.dueDate}` : ""}
              {a.tracker ? (
                <>
                  {" · "}
                  <a href={a.tracker.url} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-0.5 text-accent hover:underline">
                    {a.tracker.key ?? "Tracker"} <ExternalLink aria-hidden className="size-3" />
                  </a>
                </>
              ) : null}
            </p>
          </div>
          <div className="flex items-center gap-1.5">
            {a.overdue ? <Badge tone="danger">Overdue</Badge> : null}
            <Badge tone={STATUS_TONE[a.status] ?? "neutral"}>{a.statusLabel}</Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}
