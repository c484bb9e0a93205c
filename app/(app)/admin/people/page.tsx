import { UserPlus } from "lucide-react";
import { InvitationList } from "@/components/admin/invitation-list";
import { InviteForm } from "@/components/admin/invite-form";
import { PeopleList } from "@/components/admin/people-list";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listTeams } from "@/lib/teams/list-teams";
import { listUsers } from "@/lib/users/manage-users";
import { requireAdmin } from "../require-admin";
import { inviteUserAction, revokeInvitationAction, setUserActiveAction, setUserRoleAction } from "./actions";

export const metadata = { title: "People · Admin" };

export default async function AdminPeoplePage() {
  const actor = await requireAdmin("/admin/people");
  const [{ users, invitations }, teams] = await Promise.all([listUsers(actor), listTeams(actor)]);
  const active = users.filter((u) => !u.deactivatedAt).length;
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone who can sign in. Members take part in reviews; admins also manage people, teams and settings."
        actions={
          <ButtonLink href="#invite" variant="secondary" className="lg:hidden">
            <UserPlus aria-hidden className="size-4" /> Invite someone
          </ButtonLink>
        }
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader
            title="Everyone"
            description={`${active} active${users.length > active ? `, ${users.length - active} deactivated` : ""}`}
          />
          <CardBody className="py-1">
            <PeopleList people={users} meId={actor.id} setRoleAction={setUserRoleAction} setActiveAction={setUserActiveAction} />
          </CardBody>
        </Card>
        <div className="space-y-6">
          <Card id="invite" className="scroll-mt-20">
            <CardHeader title="Invite someone" description="Creates a link for them to choose a name and password." />
            <CardBody>
              <InviteForm action={inviteUserAction} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Open invitations" description={invitations.length ? `${invitations.length} waiting to be used` : undefined} />
            <CardBody className={invitations.length ? "py-1" : undefined}>
              <InvitationList invitations={invitations} revokeAction={revokeInvitationAction} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
