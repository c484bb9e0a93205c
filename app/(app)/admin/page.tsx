import Link from "next/link";
import { ChevronRight, ScrollText, UserPlus, Users, UsersRound } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listTeams } from "@/lib/teams/list-teams";
import { listUsers } from "@/lib/users/manage-users";
import { requireAdmin } from "./require-admin";

export const metadata = { title: "Admin" };

function Section({ href, icon: Icon, title, detail }: { href: string; icon: LucideIcon; title: string; detail: string }) {
  return (
    <Card className="relative flex items-start gap-4 p-5 hover:bg-surface-muted/60">
      <span aria-hidden className="grid size-9 shrink-0 place-items-center rounded-md bg-accent-soft text-accent">
        <Icon className="size-5" />
      </span>
      <div className="min-w-0 flex-1">
        <h2 className="font-semibold">
          <Link href={href} className="after:absolute after:inset-0 hover:underline">
            {title}
          </Link>
        </h2>
        <p className="mt-1 text-sm text-muted">{detail}</p>
      </div>
      <ChevronRight aria-hidden className="mt-1 size-4 shrink-0 text-muted" />
    </Card>
  );
}

export default async function AdminPage() {
  const actor = await requireAdmin("/admin");
  const [{ users, invitations }, teams] = await Promise.all([listUsers(actor), listTeams(actor)]);
  const active = users.filter((u) => !u.deactivatedAt);
  const admins = active.filter((u) => u.role === "ADMIN").length;
  const deactivated = users.length - active.length;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return (
    <>
      <PageHeader
        title="Admin"
        description="Who can use Debrief, the teams that own incidents and actions, and a record of every change."
        actions={
          <ButtonLink href="/admin/people#invite">
            <UserPlus aria-hidden className="size-4" /> Invite someone
          </ButtonLink>
        }
      />
      <div className="grid gap-4 md:grid-cols-3">
        <Section
          href="/admin/people"
          icon={Users}
          title="People"
          detail={`${plural(active.length, "active person", "active people")} (${plural(admins, "admin")})${deactivated ? `, ${deactivated} deactivated` : ""}; ${plural(invitations.length, "open invitation")}. Invite, change roles, deactivate.`}
        />
        <Section
          href="/admin/teams"
          icon={UsersRound}
          title="Teams"
          detail={`${plural(teams.length, "team")}. Create teams; their product managers add members and rank actions.`}
        />
        <Section href="/admin/audit" icon={ScrollText} title="Audit log" detail="Every change, who made it and when: invitations, roles, teams, reviews." />
      </div>
    </>
  );
}
