import Link from "next/link";
import { notFound } from "next/navigation";
import { Flame } from "lucide-react";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { AddMemberForm } from "@/components/teams/add-member-form";
import { MemberList } from "@/components/teams/member-list";
import { TeamRoleBadge } from "@/components/teams/team-role-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { can } from "@/lib/policies";
import { getTeam } from "@/lib/teams/get-team";
import { listPeople } from "@/lib/users/list-people";
import { addTeamMemberAction, removeTeamMemberAction, setTeamMemberRoleAction } from "./actions";
import { FollowButton } from "@/components/follow/follow-button";
import { followsTeam } from "@/lib/follow/list-subscriptions";
import { followAction, unfollowAction } from "../../settings/following/actions";

async function load(slug: string) {
  const actor = await requireActor(`/teams/${slug}`);
  try {
    return { actor, team: await getTeam(actor, slug) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    return { title: (await load(slug)).team.name };
  } catch {
    return { title: "Team" };
  }
}

export default async function TeamPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ created?: string }> }) {
  const { slug } = await params;
  const { created } = await searchParams;
  const { actor, team } = await load(slug);
  const canManage = team.abilities.manageMembers;
  const memberIds = new Set(team.memberships.map((m) => m.userId));
  const [incidents, people, following] = await Promise.all([
    listIncidents(actor, { teamId: team.id, limit: 5 }),
    canManage ? listPeople(actor) : Promise.resolve([]),
    followsTeam(actor, team.id),
  ]);
  const myRole = actor.teams[team.id];
  const members = team.memberships.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    deactivated: Boolean(m.user.deactivatedAt),
  }));
  const pms = members.filter((m) => m.role === "PRODUCT_MANAGER");

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/teams" className="hover:text-foreground hover:underline">
            Teams
          </Link>
        }
        title={team.name}
        description={team.description ?? undefined}
        actions={
          <>
            {myRole ? <TeamRoleBadge role={myRole} prefix="You: " /> : null}
            <FollowButton kind="TEAM" value={team.id} label={team.name} teamSlug={team.slug} following={following} followAction={followAction} unfollowAction={unfollowAction} />
          </>
        }
      />
      {created ? (
        <Alert tone="success" className="mb-6" title="Team created">
          Next, add its members. Make the person who ranks the team’s actions its product manager.
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <CardHeader
            title="Members"
            description={
              members.length
                ? `${members.length} ${members.length === 1 ? "person" : "people"}${pms.length ? ` · product manager${pms.length === 1 ? "" : "s"}: ${pms.map((p) => p.name ?? p.email).join(", ")}` : ""}`
                : undefined
            }
          />
          <CardBody className="space-y-4">
            {members.length ? (
              <MemberList
                team={{ id: team.id, name: team.name }}
                members={members}
                meId={actor.id}
                canManage={canManage}
                setRoleAction={setTeamMemberRoleAction}
                removeAction={removeTeamMemberAction}
              />
            ) : (
              <p className="text-sm text-muted">
                Nobody is in this team yet.{canManage ? " Add its first members below." : " Admins and the team’s product managers add members."}
              </p>
            )}
            {canManage ? (
              <section aria-labelledby="add-member-h" className="border-t border-border pt-4">
                <h3 id="add-member-h" className="mb-3 text-sm font-semibold">
                  Add a member
                </h3>
                <AddMemberForm teamId={team.id} action={addTeamMemberAction} people={people.filter((p) => !memberIds.has(p.id))} />
              </section>
            ) : members.length ? (
              <p className="border-t border-border pt-4 text-xs text-muted">Admins and the team’s product managers add and remove members.</p>
            ) : null}
          </CardBody>
        </Card>

        <Card className="self-start">
          <CardHeader
            title="Recent incidents"
            actions={
              incidents.items.length ? (
                <Link href={`/incidents?teamId=${team.id}`} className="text-sm text-accent hover:underline">
                  All incidents
                </Link>
              ) : null
            }
          />
          <CardBody>
            {incidents.items.length ? (
              <ul className="space-y-3">
                {incidents.items.map((i) => (
                  <li key={i.id} className="text-sm">
                    <Link href={`/incidents/${i.id}`} className="font-medium hover:underline">
                      {i.title}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted">
                      <SeverityBadge severity={i.severity} />
                      <Time date={i.startedAt} relative />
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="space-y-3 text-sm text-muted">
                <p className="flex items-center gap-2">
                  <Flame aria-hidden className="size-4" /> No incidents you can see yet.
                </p>
                {can(actor, "incident:create", { id: team.id }) ? (
                  <ButtonLink href="/incidents/new" variant="secondary" size="sm">
                    Record an incident
                  </ButtonLink>
                ) : null}
              </div>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
