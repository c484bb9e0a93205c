import { ExternalLink } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";
import { formatDuration } from "@/lib/ui/time";

type Incident = { startedAt: Date; detectedAt: Date; resolvedAt: Date | null; services: string[]; externalUrl: string | null };

/** An incident's times, services and link: a stack in a sidebar, two columns in a wide card. */
export function IncidentFacts({ incident, columns }: { incident: Incident; columns?: boolean }) {
  return (
    <dl className={cn("text-sm", columns ? "grid gap-x-6 gap-y-3 sm:grid-cols-2" : "space-y-3")}>
      <div>
        <dt className="text-muted">Started</dt>
        <dd>
          <Time date={incident.startedAt} />
        </dd>
      </div>
      <div>
        <dt className="text-muted">Detected</dt>
        <dd>
          <Time date={incident.detectedAt} /> <span className="text-muted">({formatDuration(incident.startedAt, incident.detectedAt)} after start)</span>
        </dd>
      </div>
      <div>
        <dt className="text-muted">Resolved</dt>
        <dd>
          {incident.resolvedAt ? (
            <>
              <Time date={incident.resolvedAt} /> <span className="text-muted">({formatDuration(incident.startedAt, incident.resolvedAt)} in all)</span>
            </>
          ) : (
            "Not resolved yet"
          )}
        </dd>
      </div>
      <div>
        <dt className="text-muted">Affected services</dt>
        <dd className="mt-1 flex flex-wrap gap-1">{incident.services.length ? incident.services.map((s) => <Badge key={s}>{s}</Badge>) : "None recorded"}</dd>
      </div>
      {incident.externalUrl ? (
        <div className={columns ? "sm:col-span-2" : undefined}>
          <dt className="text-muted">Link</dt>
          <dd>
            <a href={incident.externalUrl} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 break-all text-accent hover:underline">
              {incident.externalUrl} <ExternalLink aria-hidden className="size-3 shrink-0" />
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
