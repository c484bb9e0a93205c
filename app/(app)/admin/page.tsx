import Link from "next/link";
import { ChevronRight, Download, ScrollText, UserPlus, Users, UsersRound } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { providerName } from "@/components/tracker/provider-info";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { listTeams } from "@/lib/teams/list-teams";
import { getInstallStatus, type InstallStatus } from "@/lib/users/install-status";
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

function Setting({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium">{name}</dt>
      <dd className="text-sm text-muted">{children}</dd>
    </div>
  );
}

const Env = ({ children }: { children: React.ReactNode }) => <code className="rounded bg-surface-muted px-1 text-xs text-foreground">{children}</code>;

/** How people sign in, whether e-mail goes out, each team's tracker, and the backup. */
function InstallCards({ status }: { status: InstallStatus }) {
  return (
    <div className="mt-8 grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader title="Sign-in and e-mail" description="Set with environment variables when Debrief starts (README, Configuration)." />
        <CardBody>
          <dl className="divide-y divide-border">
            <Setting name="Password">On for everyone who has a password; repeated failed attempts are refused for a while.</Setting>
            <Setting name="Single sign-on">
              {status.signIn.sso ? (
                <>
                  On: “{status.signIn.sso.name}” through {status.signIn.sso.issuerHost}. New people who sign in this way join as members.
                </>
              ) : (
                <>
                  Not set up. Set <Env>AUTH_OIDC_ISSUER</Env>, <Env>AUTH_OIDC_CLIENT_ID</Env> and <Env>AUTH_OIDC_CLIENT_SECRET</Env> for any OpenID Connect provider, then restart.
                </>
              )}
            </Setting>
            <Setting name="E-mail">
              {status.email ? (
                <>
                  Sent through {status.email.host} as {status.email.from}: invitations, notices and digests.
                </>
              ) : (
                <>
                  Not set up: invitations give you a link to pass on, and notices stay in the app. Set <Env>SMTP_URL</Env> to send e-mail.
                </>
              )}
            </Setting>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Trackers" description="Where each team's agreed actions are pushed. The team's product managers connect it." />
        <CardBody>
          <ul className="divide-y divide-border">
            {status.trackers.map((t) => (
              <li key={t.team.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-3 text-sm">
                <Link href={`/teams/${t.team.slug}/tracker`} className="font-medium hover:underline">
                  {t.team.name}
                </Link>
                <span className="text-muted">
                  {t.connection ? (
                    <>
                      {providerName(t.connection.provider)}
                      {t.connection.autoPush ? " · pushes agreed actions" : " · pushed by hand"}
                      {t.connection.lastTest ? (
                        <>
                          {" "}
                          · last test {t.connection.lastTest.ok ? "passed" : <span className="text-danger">failed</span>} <Time date={t.connection.lastTest.at} relative />
                        </>
                      ) : null}
                    </>
                  ) : (
                    "Not connected"
                  )}
                </span>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader
          title="Backup"
          description="Everything in one JSON file — people, teams, incidents, reviews with their accounts, actions. Import it into an empty install to restore or move Debrief."
          actions={
            <a href="/api/v1/export" download className={buttonClass("secondary")}>
              <Download aria-hidden className="size-4" /> Download an export
            </a>
          }
        />
        <CardBody className="text-sm text-muted">
          To import, send the file to <Env>POST /api/v1/import</Env> with an admin&apos;s API token on a new install (documented at <Env>/api/v1/openapi.json</Env>). Keep exports safe: they hold
          unrevealed drafts too.
        </CardBody>
      </Card>
    </div>
  );
}

export default async function AdminPage() {
  const actor = await requireAdmin("/admin");
  const [{ users, invitations }, teams, status] = await Promise.all([listUsers(actor), listTeams(actor), getInstallStatus(actor)]);
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
      <InstallCards status={status} />
    </>
  );
}
