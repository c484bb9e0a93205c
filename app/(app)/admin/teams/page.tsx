import Link from "next/link";
import { UsersRound } from "lucide-react";
import { CreateTeamForm } from "@/components/admin/create-team-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listTeams } from "@/lib/teams/list-teams";
import { requireAdmin } from "../require-admin";
import { createTeamAction } from "./actions";

export const metadata = { title: "Teams · Admin" };

export default async function AdminTeamsPage() {
  const actor = await requireAdmin("/admin/teams");
  const teams = await listTeams(actor);
  return (
    <>
      <PageHeader title="Teams" description="Teams own incidents and the actions agreed in reviews. Their product managers add members and rank the backlog." />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader title="All teams" description={teams.length ? `${teams.length} ${teams.length === 1 ? "team" : "teams"}` : undefined} />
          <CardBody className={teams.length ? "py-1" : undefined}>
            {teams.length ? (
              <ul className="divide-y divide-border">
                {teams.map((t) => (
                  <li key={t.id} className="relative flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
                    <div className="min-w-0 flex-1">
                      <Link href={`/teams/${t.slug}`} className="text-sm font-medium after:absolute after:inset-0 hover:underline">
                        {t.name}
                      </Link>
                      <p className="truncate text-xs text-muted">
                        /teams/{t.slug}
                        {t.description ? ` · ${t.description}` : ""}
                      </p>
                    </div>
                    <span className="text-sm text-muted">
                      {t.memberCount} {t.memberCount === 1 ? "member" : "members"}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState icon={UsersRound} title="No teams yet">
                Create a team for each group that owns services. Incidents belong to a team, and so do the actions agreed in their reviews.
              </EmptyState>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Create a team" description="Next, you add its members." />
          <CardBody>
            <CreateTeamForm action={createTeamAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
