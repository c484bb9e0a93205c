import { SeverityBadge } from "@/components/incidents/severity-badge";
import { Time } from "@/components/ui/time";

/** Severity, owning team, incident date and services of a library result: one quiet line. */
export function ReviewFactsLine({ severity, team, incidentAt, services, highlight = [] }: { severity: string; team: { name: string }; incidentAt: Date; services: string[]; highlight?: string[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
      <SeverityBadge severity={severity} />
      <span className="font-medium text-foreground/80">{team.name}</span>
      <span>
        <Time date={incidentAt} dateOnly />
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
