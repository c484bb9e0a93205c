import Link from "next/link";
import { Flame, Plus } from "lucide-react";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { listIncidents, listIncidentsSchema } from "@/lib/incidents/list-incidents";
import { formatDuration } from "@/lib/ui/time";

export const metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor("/incidents");
  const raw = await searchParams;
  const parsed = listIncidentsSchema.safeParse(raw);
  const input = parsed.success ? parsed.data : listIncidentsSchema.parse({});
  const { items, nextCursor } = await listIncidents(actor, input);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Incidents of your teams, and those whose reviews you take part in. Start a review from any of them."
        actions={
          <ButtonLink href="/incidents/new">
            <Plus aria-hidden className="size-4" /> Record an incident
          </ButtonLink>
        }
      />
      {items.length === 0 ? (
        <EmptyState icon={Flame} title="No incidents yet" action={<ButtonLink href="/incidents/new">Record an incident</ButtonLink>}>
          After an incident is resolved, record it here with its times and affected services, then start its review.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-surface">
          <ul className="divide-y divide-border">
            {items.map((i) => (
              <li key={i.id} className="relative flex flex-wrap items-start justify-between gap-3 px-4 py-3 hover:bg-surface-muted/60 sm:px-5">
                <div className="min-w-0 flex-1">
                  <Link href={`/incidents/${i.id}`} className="font-medium after:absolute after:inset-0 hover:underline">
                    {i.title}
                  </Link>
                  <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                    <SeverityBadge severity={i.severity} />
                    <span>{i.team.name}</span>
                    {i.resolvedAt ? <span>Lasted {formatDuration(i.startedAt, i.resolvedAt)}</span> : <span>Ongoing</span>}
                    {i.services.length ? <span>{i.services.join(", ")}</span> : null}
                  </div>
                </div>
                <div className="text-right text-xs text-muted">
                  <Time date={i.startedAt} />
                  <div>{i._count.reviews ? `${i._count.reviews} review${i._count.reviews === 1 ? "" : "s"}` : "No review yet"}</div>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {input.cursor || nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex justify-between">
          {input.cursor ? (
            <Link href="/incidents" className={buttonClass("secondary", "sm")}>
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={`/incidents?cursor=${nextCursor}`} className={buttonClass("secondary", "sm")}>
              Next page →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
