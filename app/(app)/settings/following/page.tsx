import Link from "next/link";
import { BellRing } from "lucide-react";
import { FeedLinks } from "@/components/follow/feed-links";
import { FollowButton } from "@/components/follow/follow-button";
import { FollowForms } from "@/components/follow/follow-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { followSuggestions } from "@/lib/follow/follow-suggestions";
import { getFeedToken } from "@/lib/follow/get-feed-token";
import { listSubscriptions } from "@/lib/follow/list-subscriptions";
import { requestOrigin } from "@/lib/http/origin";
import { emailEnabled } from "@/lib/notify/email";
import { listTeams } from "@/lib/teams/list-teams";
import { formatRelative } from "@/lib/ui/time";
import { createFeedTokenAction, followAction, revokeFeedTokenAction, unfollowAction } from "./actions";

export const metadata = { title: "Following · Settings" };

const KIND_LABEL = { TEAM: "Team", SERVICE: "Service", TAG: "Tag" } as const;

function cadence(hours: number): string {
  if (hours === 24) return "once a day";
  if (hours % 24 === 0) return `every ${hours / 24} days`;
  return hours >= 1 ? `every ${hours} hours` : `every ${Math.round(hours * 60)} minutes`;
}

export default async function FollowingPage() {
  const actor = await requireActor("/settings/following");
  const [subscriptions, teams, suggestions, token, origin] = await Promise.all([listSubscriptions(actor), listTeams(actor), followSuggestions(actor), getFeedToken(actor), requestOrigin()]);
  const followed = new Set(subscriptions.map((s) => `${s.kind}:${s.value}`));
  const followedTeams = subscriptions.filter((s) => s.team).map((s) => ({ slug: s.team!.slug, name: s.team!.name }));
  const via = emailEnabled() ? "in Debrief and by e-mail" : "in Debrief (this install sends no e-mail)";
  return (
    <>
      <PageHeader
        title="Following"
        description={`Follow teams, services and tags to hear of their newly published reviews: a digest ${cadence(env().DEBRIEF_DIGEST_HOURS)}, ${via}. You only ever get reviews you may read.`}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="You follow" description={subscriptions.length ? `${subscriptions.length} ${subscriptions.length === 1 ? "thing" : "things"}` : undefined} />
            <CardBody className={subscriptions.length ? "py-1" : undefined}>
              {subscriptions.length ? (
                <ul className="divide-y divide-border">
                  {subscriptions.map((s) => (
                    <li key={s.id} className="flex items-center justify-between gap-3 py-3">
                      <div className="flex min-w-0 items-center gap-2">
                        <Badge tone={s.kind === "TEAM" ? "accent" : "neutral"}>{KIND_LABEL[s.kind]}</Badge>
                        {s.team ? (
                          <Link href={`/teams/${s.team.slug}`} className="truncate font-medium hover:underline">
                            {s.label}
                          </Link>
                        ) : (
                          <span className="truncate font-medium">{s.label}</span>
                        )}
                      </div>
                      <FollowButton kind={s.kind} value={s.value} label={s.label} teamSlug={s.team?.slug} following followAction={followAction} unfollowAction={unfollowAction} />
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState icon={BellRing} title="You don’t follow anything yet">
                  Follow your neighbours’ teams, the services you depend on or tags like “dns”: their newly published reviews reach you in your digest, so what they learned can help you
                  too.
                </EmptyState>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Feeds" description="For feed readers (Atom): the reviews you follow, the library, or one team." />
            <CardBody>
              <FeedLinks
                origin={origin}
                existing={token ? { prefix: token.prefix, created: formatRelative(token.createdAt), lastUsed: token.lastUsedAt ? formatRelative(token.lastUsedAt) : null } : null}
                teams={followedTeams}
                createAction={createFeedTokenAction}
                revokeAction={revokeFeedTokenAction}
              />
            </CardBody>
          </Card>
        </div>
        <Card>
          <CardHeader title="Follow" />
          <CardBody>
            <FollowForms action={followAction} teams={teams.filter((t) => !followed.has(`TEAM:${t.id}`)).map((t) => ({ id: t.id, name: t.name }))} services={suggestions.services} tags={suggestions.tags} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
