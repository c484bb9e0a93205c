import Link from "next/link";
import { BookOpen, Flame, PenLine, Sparkles, Users } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PhaseTrack } from "@/components/reviews/phase-track";
import { RoleBadge } from "@/components/reviews/role-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import type { ReviewPhase } from "@/lib/policies/types";
import { getMyWork } from "@/lib/reviews/my-work";

export const metadata = { title: "My work" };

type Row = { id: string; title: string; phase: ReviewPhase; updatedAt: Date; incident: { severity: string; team: { name: string } }; role?: string };

function Section({ icon: Icon, title, hint, children }: { icon: LucideIcon; title: string; hint: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${title}-h`} className="space-y-3">
      <div className="flex items-center gap-2">
        <Icon aria-hidden className="size-4 text-accent" />
        <h2 id={`${title}-h`} className="font-semibold">
          {title}
        </h2>
      </div>
      <p className="-mt-2 text-sm text-muted">{hint}</p>
      {children}
    </section>
  );
}

function ReviewRows({ rows, cta }: { rows: Row[]; cta?: string }) {
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
                <span>
                  updated <Time date={r.updatedAt} relative />
                </span>
              </div>
            </div>
            {cta ? <span className="text-sm font-medium text-accent">{cta} →</span> : <PhaseTrack phase={r.phase} compact />}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function MyWorkPage() {
  const actor = await requireActor("/");
  const work = await getMyWork(actor);
  const nothing = !work.toWrite.length && !work.facilitating.length && !work.other.length && !work.unreviewed.length;
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
          <Section icon={BookOpen} title="Recently published" hint="What other teams learned.">
            <ReviewRows rows={work.published} />
          </Section>
        ) : null}
      </div>
    </>
  );
}
