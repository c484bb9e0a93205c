import { notFound } from "next/navigation";
import { NewReviewForm } from "@/components/reviews/new-review-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";
import { listPeople } from "@/lib/users/list-people";
import { createReviewAction } from "./actions";

export const metadata = { title: "Start a review" };

export default async function NewReviewPage({ searchParams }: { searchParams: Promise<{ incidentId?: string }> }) {
  const { incidentId } = await searchParams;
  const actor = await requireActor(`/reviews/new${incidentId ? `?incidentId=${incidentId}` : ""}`);
  if (!incidentId) {
    return (
      <>
        <PageHeader title="Start a review" />
        <Alert tone="info" title="Choose the incident first">
          A review always belongs to an incident. Open the incident and choose “Start a review”.
        </Alert>
        <ButtonLink href="/incidents" className="mt-4">
          Go to incidents
        </ButtonLink>
      </>
    );
  }
  let incident: Awaited<ReturnType<typeof getIncident>>;
  try {
    incident = await getIncident(actor, incidentId);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const people = await listPeople(actor);
  return (
    <>
      <PageHeader title="Start a review" description={<>Of “{incident.title}”</>} />
      <Card className="max-w-2xl">
        <CardBody className="p-6">
          {incident.abilities.createReview ? (
            <NewReviewForm action={createReviewAction} incident={incident} people={people} me={actor.email} />
          ) : (
            <Alert tone="error">Only admins and members of {incident.team.name} can start a review of this incident.</Alert>
          )}
        </CardBody>
      </Card>
    </>
  );
}
