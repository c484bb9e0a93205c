import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import type { ReportView } from "@/lib/library/get-report";
import { VISIBILITY_LABEL } from "@/lib/library/report-details";
import { formatDuration } from "@/lib/ui/time";

/** The report's opening: what kind of document it is, the title, when and for whom it was published, the summary and impact. */
export function ReportHeader({ report }: { report: ReportView }) {
  const i = report.incident;
  return (
    <header className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-xs font-semibold tracking-wide text-accent uppercase">
        Post-incident review <span aria-hidden>·</span> <SeverityBadge severity={i.severity} /> <span aria-hidden>·</span> {i.team.name}
      </p>
      <h1 className="text-3xl leading-tight font-semibold tracking-tight text-balance print:text-2xl">{report.title}</h1>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
        {report.publishedAt ? (
          <span>
            Published <Time date={report.publishedAt} dateOnly />
          </span>
        ) : (
          <span className="font-medium text-warning">Draft — not published yet</span>
        )}
        <span>Audience: {VISIBILITY_LABEL[report.visibility]}</span>
        {report.tags.length ? (
          <span className="flex flex-wrap items-center gap-1">
            {report.tags.map((t) => (
              <Badge key={t}>{t}</Badge>
            ))}
          </span>
        ) : null}
      </p>
      <div className="space-y-3">
        {report.summary ? (
          <p className="text-lg leading-relaxed text-foreground/90 print:text-base">{report.summary}</p>
        ) : (
          <p className="text-muted italic">No summary written yet.</p>
        )}
        {report.impact ? (
          <div className="rounded-md border-l-4 border-warning bg-warning-soft/60 px-4 py-3 text-sm break-inside-avoid">
            <p className="text-xs font-semibold tracking-wide text-warning uppercase">Impact</p>
            <p className="mt-1">{report.impact}</p>
          </div>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-border bg-surface px-5 py-4 text-sm sm:grid-cols-3 break-inside-avoid">
        <div>
          <dt className="text-xs text-muted">Started</dt>
          <dd className="mt-0.5">
            <Time date={i.startedAt} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Detected after</dt>
          <dd className="mt-0.5 font-medium">{formatDuration(i.startedAt, i.detectedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Resolved after</dt>
          <dd className="mt-0.5 font-medium">{i.resolvedAt ? formatDuration(i.startedAt, i.resolvedAt) : "Not resolved"}</dd>
        </div>
        <div className="col-span-2 sm:col-span-3">
          <dt className="text-xs text-muted">Affected services</dt>
          <dd className="mt-1 flex flex-wrap gap-1">
            {i.services.length ? i.services.map((s) => <span key={s} className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{s}</span>) : "—"}
          </dd>
        </div>
      </dl>
    </header>
  );
}

const ROLE_LABEL = { FACILITATOR: "Facilitator", RESPONDER: "Responder", OBSERVER: "Observer" } as const;

/** Who took part (anonymised where the review says so), then the blameless statement that closes every report. */
export function ReportClosing({ report }: { report: ReportView }) {
  const byRole = (["FACILITATOR", "RESPONDER", "OBSERVER"] as const).map((role) => [role, report.participants.filter((p) => p.role === role)] as const).filter(([, ps]) => ps.length);
  return (
    <>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        {byRole.map(([role, people]) => (
          <div key={role}>
            <dt className="text-xs text-muted">{people.length > 1 ? `${ROLE_LABEL[role]}s` : ROLE_LABEL[role]}</dt>
            <dd className="mt-0.5">{role === "OBSERVER" && report.anonymised ? `${people.length} observer${people.length > 1 ? "s" : ""}` : people.map((p) => p.name).join(", ")}</dd>
          </div>
        ))}
      </dl>
      {report.anonymised ? <p className="mt-2 text-xs text-muted">Responders are anonymised in this review.</p> : null}
      <aside className="mt-8 rounded-lg bg-surface-muted px-5 py-4 text-sm leading-relaxed text-muted italic break-inside-avoid">
        <p className="mb-1 text-xs font-semibold tracking-wide text-foreground not-italic uppercase">A blameless review</p>
        {report.blamelessStatement}
      </aside>
    </>
  );
}
