import Link from "next/link";
import { BookOpen, Flame, ListChecks, ListOrdered, PenLine, Sparkles, Users } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { DueDate, PriorityLabel, StatusBadge } from "@/components/actions/action-badges";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PhaseTrack } from "@/components/reviews/phase-track";
import { RoleBadge } from "@/components/reviews/role-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import type { BacklogToRank, MyActions } from "@/lib/action-items/my-actions";
import type { ReviewPhase } from "@/lib/policies/types";
import { getMyWork } from "@/lib/reviews/my-work";

export const metadata = { title: "My work" };

type Row = {
  id: string;
  title: string;
  phase: ReviewPhase;
  updatedAt: Date;
  incident: { severity: string; team: { name: string } };
  role?: string;
  /** An account to write: its deadline. */
  deadline?: Date | null;
  overdue?: boolean;
  /** Taking part as a responder whose account is in. */
  submitted?: boolean;
  publishedAt?: Date | null;
  /** A review being facilitated, while accounts are written: how many are in. */
  accounts?: { submitted: number; responders: number } | null;
};

function Section({ icon: Icon, title, hint, children }: { icon: LucideIcon; title: string; hint: string; children: React.ReactNode }) {
  // aria-labelledby takes a list of ids separated by spaces: the id must not contain any.
  const id = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-heading`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex items-center gap-2">
        <Icon aria-hidden className="size-4 text-accent" />
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
      </div>
      <p className="-mt-2 text-sm text-muted">{hint}</p>
      {children}
    </section>
  );
}

function ReviewRows({ rows, cta, when = "updated" }: { rows: Row[]; cta?: string; when?: "updated" | "published" }) {
  return (
    <Card>
      <ul className="divide-y divide-border">
        {rows.map((r) => (
          <li key={r.id} className="relative flex flex-wrap items-center justify-between gap-3 px-5 py-3 hover:bg-surface-muted/60">
            <div className="min-w-0">
              <Link href={`/reviews/${r.id}`} className="font-medium after:absolute after:inset-0 hover:underline">
                {r.title}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                <SeverityBadge severity={r.incident.severity} /> {r.incident.team.name}
                {r.role ? <RoleBadge role={r.role} /> : null}
                {r.submitted ? <Badge tone="success">Account submitted</Badge> : null}
                {r.accounts ? (
                  <Badge tone={r.accounts.submitted === r.accounts.responders ? "success" : "neutral"}>
                    {r.accounts.submitted} of {r.accounts.responders} accounts in
                  </Badge>
                ) : null}
                {r.deadline ? (
                  <span className={r.overdue ? "font-medium text-danger" : undefined}>
                    {r.overdue ? "overdue · was due" : "due"} <Time date={r.deadline} />
                  </span>
                ) : (
                  <span>
                    {when} <Time date={(when === "published" && r.publishedAt) || r.updatedAt} relative />
                  </span>
                )}
              </div>
            </div>
            {cta ? <span className="text-sm font-medium text-accent">{cta} →</span> : <PhaseTrack phase={r.phase} compact />}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ActionRows({ actions }: { actions: MyActions }) {
  return (
    <Card>
      <ul className="divide-y divide-border">
        {actions.items.map((a) => (
          <li key={a.id} className="relative flex flex-wrap items-center justify-between gap-3 px-5 py-3 hover:bg-surface-muted/60">
            <div className="min-w-0">
              {a.href ? (
                <Link href={a.href} className="font-medium after:absolute after:inset-0 hover:underline">
                  {a.title}
                </Link>
              ) : (
                <span className="font-medium">{a.title}</span>
              )}
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                <StatusBadge status={a.status} />
                <PriorityLabel priority={a.priority} />
                <span>{a.team.name}</span>
                {a.review ? <span className="truncate">from “{a.review.title}”</span> : null}
              </div>
            </div>
            <DueDate date={a.dueDate} overdue={a.overdue} />
          </li>
        ))}
      </ul>
      {actions.total > actions.items.length ? (
        <p className="border-t border-border px-5 py-2 text-xs text-muted">
          The {actions.items.length} due soonest of {actions.total}.
        </p>
      ) : null}
    </Card>
  );
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function BacklogRows({ backlogs }: { backlogs: BacklogToRank[] }) {
  return (
    <Card>
      <ul className="divide-y divide-border">
        {backlogs.map((b) => (
          <li key={b.id} className="relative flex flex-wrap items-center justify-between gap-3 px-5 py-3 hover:bg-surface-muted/60">
            <div className="min-w-0">
              <Link href={`/teams/${b.slug}/backlog`} className="font-medium after:absolute after:inset-0 hover:underline">
                {b.name}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                {b.new ? (
                  <Badge tone="accent">
                    {plural(b.new, "new action")} {b.lastRankedAt ? "since you last ranked" : "to rank"}
                  </Badge>
                ) : (
                  <span>Nothing new since you last ranked</span>
                )}
                <span>{plural(b.open, "open action")}</span>
                {b.overdue ? <span className="font-medium text-danger">{b.overdue} overdue</span> : null}
              </div>
            </div>
            <span className="text-sm font-medium text-accent">Rank the backlog →</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function MyWorkPage() {
  const actor = await requireActor("/");
  const work = await getMyWork(actor);
  const nothing = !work.toWrite.length && !work.facilitating.length && !work.other.length && !work.actions.total && !work.backlogs.length && !work.unreviewed.length;
  return (
    <>
      <PageHeader title={`Hello, ${actor.name?.split(" ")[0] ?? "there"}`} description="What needs you now." />
      <div className="space-y-8">
        {work.toWrite.length ? (
          <Section icon={PenLine} title="Accounts to write" hint="Write what you saw, did and thought — privately. Nobody reads it before the reveal.">
            <ReviewRows rows={work.toWrite} cta="Write your account" />
          </Section>
        ) : null}
        {work.facilitating.length ? (
          <Section icon={Sparkles} title="Reviews you facilitate" hint="Move each one forward when the group is ready.">
            <ReviewRows rows={work.facilitating} />
          </Section>
        ) : null}
        {work.actions.total ? (
          <Section icon={ListChecks} title="Actions assigned to you" hint="Improvements the group agreed and you took on — overdue and soonest due first.">
            <ActionRows actions={work.actions} />
          </Section>
        ) : null}
        {work.backlogs.length ? (
          <Section icon={ListOrdered} title="Backlogs you rank" hint="Agreed actions arrive here from reviews; give the new ones their place among your team's work.">
            <BacklogRows backlogs={work.backlogs} />
          </Section>
        ) : null}
        {work.other.length ? (
          <Section icon={Users} title="Reviews you take part in" hint="Nothing to do right now; you will be told when it is your turn.">
            <ReviewRows rows={work.other} />
          </Section>
        ) : null}
        {work.unreviewed.length ? (
          <Section icon={Flame} title="Your teams' incidents without a review" hint="Recent incidents nobody has started a review for yet.">
            <Card>
              <ul className="divide-y divide-border">
                {work.unreviewed.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                    <div className="min-w-0">
                      <Link href={`/incidents/${i.id}`} className="font-medium hover:underline">
                        {i.title}
                      </Link>
                      <div className="mt-1 flex items-center gap-2 text-xs text-muted">
                        <SeverityBadge severity={i.severity} /> {i.team.name} · <Time date={i.startedAt} relative />
                      </div>
                    </div>
                    <ButtonLink href={`/reviews/new?incidentId=${i.id}`} variant="secondary" size="sm">
                      Start a review
                    </ButtonLink>
                  </li>
                ))}
              </ul>
            </Card>
          </Section>
        ) : null}
        {nothing ? (
          <Card>
            <CardBody className="py-10 text-center">
              <p className="font-semibold">Nothing needs you right now</p>
              <p className="mx-auto mt-1 max-w-md text-sm text-muted">
                When a facilitator invites you to a review, your account to write appears here. After an incident, record it and start its review.
              </p>
              <div className="mt-4 flex justify-center gap-2">
                <ButtonLink href="/incidents/new">Record an incident</ButtonLink>
                <ButtonLink href="/reviews?filter=all" variant="secondary">
                  Browse reviews
                </ButtonLink>
              </div>
            </CardBody>
          </Card>
        ) : null}
        {work.published.length ? (
          work.publishedFor === "following" ? (
            <Section icon={BookOpen} title="Published for what you follow" hint="Reviews of the teams, services and tags you follow.">
              <ReviewRows rows={work.published} when="published" />
            </Section>
          ) : (
            <Section icon={BookOpen} title="Recently published" hint="What other teams learned.">
              <ReviewRows rows={work.published} when="published" />
              {work.follows ? null : (
                <p className="text-sm text-muted">
                  <Link href="/settings/following" className="text-accent hover:underline">
                    Follow teams, services or tags
                  </Link>{" "}
                  to see what they publish here, and in a digest.
                </p>
              )}
            </Section>
          )
        ) : null}
      </div>
    </>
  );
}
