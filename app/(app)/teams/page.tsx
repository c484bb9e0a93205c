import Link from "next/link";
import { Plus, Users } from "lucide-react";
import { TeamRoleBadge } from "@/components/teams/team-role-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/policies";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata = { title: "Teams" };

export default async function TeamsPage() {
  const actor = await requireActor("/teams");
  const teams = await listTeams(actor);
  const isAdmin = can(actor, "admin:manage", null);
  const mine = teams.filter((t) => t.myRole);
  return (
    <>
      <PageHeader
        title="Teams"
        description={
          mine.length
            ? `You are in ${mine.map((t) => t.name).join(", ")}. Teams own incidents and the actions agreed in reviews.`
            : "Teams own incidents and the actions agreed in reviews. You are not in a team yet."
        }
        actions={
          isAdmin ? (
            <ButtonLink href="/admin/teams">
              <Plus aria-hidden className="size-4" /> Create a team
            </ButtonLink>
          ) : null
        }
      />
      {teams.length === 0 ? (
        <EmptyState
          icon={Users}
          title="No teams yet"
          action={isAdmin ? <ButtonLink href="/admin/teams">Create the first team</ButtonLink> : null}
        >
          {isAdmin
            ? "Create a team for each group that owns services, then add its members."
            : "An admin creates teams and adds their members. Ask one to add you to yours."}
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-surface">
          <ul className="divide-y divide-border">
            {teams.map((t) => (
              <li key={t.id} className="relative flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 hover:bg-surface-muted/60 sm:px-5">
                <div className="min-w-0 flex-1">
                  <Link href={`/teams/${t.slug}`} className="font-medium after:absolute after:inset-0 hover:underline">
                    {t.name}
                  </Link>
                  {t.description ? <p className="mt-0.5 truncate text-sm text-muted">{t.description}</p> : null}
                </div>
                <div className="flex shrink-0 items-center gap-3 text-sm text-muted">
                  {t.myRole ? <TeamRoleBadge role={t.myRole} prefix="You: " /> : null}
                  <span>
                    {t.memberCount} {t.memberCount === 1 ? "member" : "members"}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
