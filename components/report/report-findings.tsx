import { CircleSlash, ListChecks } from "lucide-react";
import type { ReportView } from "@/lib/library/get-report";
import { FINDING_CATEGORY_HINT, type FindingCategoryName } from "@/lib/findings/categories";

/** Findings by category, each with the actions it led to or the reason none was needed. */
export function ReportFindings({ report }: { report: ReportView }) {
  if (!report.findings.length) return <p className="text-sm text-muted italic">No findings were recorded.</p>;
  const actions = new Map(report.actions.map((a) => [a.id, a]));
  return (
    <div className="space-y-6">
      {report.findings.map((c) => (
        <div key={c.category}>
          <h3 className="text-sm font-semibold break-after-avoid">{c.label}</h3>
          <p className="text-xs text-muted print:hidden">{FINDING_CATEGORY_HINT[c.category as FindingCategoryName]}</p>
          <ul className="mt-2 space-y-2">
            {c.findings.map((f) => (
              <li key={f.id} className="rounded-md border border-border px-4 py-3 break-inside-avoid">
                <p className="text-sm font-medium">{f.title}</p>
                {f.description ? <p className="mt-1 text-sm text-foreground/85">{f.description}</p> : null}
                {f.actionIds.length || f.noActionReason ? (
                  <ul className="mt-2 space-y-1 text-xs text-muted">
                    {f.actionIds.map((id) => (
                      <li key={id} className="flex items-start gap-1.5">
                        <ListChecks aria-hidden className="mt-0.5 size-3.5 shrink-0 text-accent" />
                        <span>
                          Action: <a href={`#action-${id}`} className="text-foreground hover:underline">{actions.get(id)?.title ?? "an action"}</a>
                        </span>
                      </li>
                    ))}
                    {f.noActionReason ? (
                      <li className="flex items-start gap-1.5">
                        <CircleSlash aria-hidden className="mt-0.5 size-3.5 shrink-0" />
                        <span>No action needed: {f.noActionReason}</span>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
