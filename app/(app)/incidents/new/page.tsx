import { IncidentForm } from "@/components/incidents/incident-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { listTeams } from "@/lib/teams/list-teams";
import { createIncidentAction } from "./actions";

export const metadata = { title: "Record an incident" };

export default async function NewIncidentPage() {
  const actor = await requireActor("/incidents/new");
  const teams = (await listTeams(actor)).filter((t) => actor.role === "ADMIN" || t.myRole);
  return (
    <>
      <PageHeader title="Record an incident" description="The facts of what happened. You can start its review right after." />
      <Card className="max-w-3xl">
        <CardBody className="p-6">
          <IncidentForm action={createIncidentAction} teams={teams} defaultTeamId={teams.length === 1 ? teams[0]!.id : undefined} />
        </CardBody>
      </Card>
    </>
  );
}
