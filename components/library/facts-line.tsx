import { SeverityBadge } from "@/components/incidents/severity-badge";
import { TimeLabel } from "@/components/ui/time-label";
import type { ShownTime } from "@/lib/ui/time";

/**
 * Severity, owning team, incident date and services of a library review: one quiet line. Plain
 * (no server or client hooks), so server components and the client result list share it.
 */
export function FactsLine({ severity, team, incident, services, highlight = [] }: { severity: string; team: string; incident: ShownTime; services: string[]; highlight?: string[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
      <SeverityBadge severity={severity} />
      <span className="font-medium text-foreground/80">{team}</span>
      <span>
        <TimeLabel time={incident} />
      </span>
      {services.length ? (
        <span className="flex flex-wrap gap-1">
          {services.slice(0, 4).map((s) => (
            <span key={s} className={highlight.includes(s) ? "rounded bg-accent-soft px-1.5 py-0.5 font-mono text-[11px] text-accent" : "rounded bg-surface-muted px-1.5 py-0.5 font-mono text-[11px]"}>
              {s}
            </span>
          ))}
          {services.length > 4 ? <span>+{services.length - 4}</span> : null}
        </span>
      ) : null}
    </div>
  );
}
