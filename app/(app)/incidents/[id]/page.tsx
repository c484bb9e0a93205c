import Link from "next/link";
import { notFound } from "next/navigation";
import { ClipboardList, Plus } from "lucide-react";
import { IncidentFacts } from "@/components/incidents/incident-facts";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PhaseTrack } from "@/components/reviews/phase-track";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";

export const metadata = { title: "Incident" };

export default async function IncidentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const { created } = await searchParams;
  const actor = await requireActor(`/incidents/${id}`);
  let incident: Awaited<ReturnType<typeof getIncident>>;
  try {
    incident = await getIncident(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const startReview = incident.abilities.createReview ? (
    <ButtonLink href={`/reviews/new?incidentId=${incident.id}`}>
      <Plus aria-hidden className="size-4" /> Start a review
    </ButtonLink>
  ) : null;
  return (
    <>
      <PageHeader
        eyebrow={
          <span className="inline-flex items-center gap-2">
            <SeverityBadge severity={incident.severity} /> {incident.team.name}
          </span>
        }
        title={incident.title}
        actions={startReview}
      />
      {created ? (
        <Alert tone="success" className="mb-6" title="Incident recorded">
          Next, start its review: choose a facilitator, who invites the responders.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {incident.summary ? (
            <Card>
              <CardHeader title="Summary" />
              <CardBody>
                <p className="text-sm whitespace-pre-wrap">{incident.summary}</p>
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Reviews" />
            <CardBody>
              {incident.reviews.length ? (
                <ul className="divide-y divide-border">
                  {incident.reviews.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                      <Link href={`/reviews/${r.id}`} className="font-medium hover:underline">
                        {r.title}
                      </Link>
                      <PhaseTrack phase={r.phase} compact />
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState icon={ClipboardList} title="No review yet" action={startReview}>
                  A review helps the team learn from this incident: each responder writes their own account first, then the group compares them.
                </EmptyState>
              )}
            </CardBody>
          </Card>
        </div>
        <Card>
          <CardHeader title="Facts" />
          <CardBody>
            <IncidentFacts incident={incident} />
            <dl className="mt-3 text-sm">
              <div>
                <dt className="text-muted">Recorded by</dt>
                <dd>{incident.createdBy?.name ?? incident.createdBy?.email ?? "—"}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
