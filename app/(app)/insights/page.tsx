import Link from "next/link";
import { FindingsCard, ParticipationCard, ReadersCard, TimeToPublishCard } from "@/components/insights/review-cards";
import { FrequencyCard, LeadTimeCard, OpenActionsCard } from "@/components/insights/action-cards";
import { InsightsFilter } from "@/components/insights/insights-filter";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { formatCount, formatHours, formatShare } from "@/lib/insights/format";
import { loadDashboard } from "@/lib/insights/load-dashboard";
import { insightsQuerySchema, resolvePeriod, type Period } from "@/lib/insights/period";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata = { title: "Insights" };

type Search = Record<string, string | string[] | undefined>;

/** The period from the URL, or — with a message saying why — the default one. */
async function periodFrom(search: Search): Promise<{ period: Period; problem: string | null }> {
  const first = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = insightsQuerySchema.safeParse(first);
  if (!parsed.success) return { period: await resolvePeriod({ period: "90d" }), problem: parsed.error.issues[0]?.message ?? "The period is not valid." };
  try {
    return { period: await resolvePeriod(parsed.data), problem: null };
  } catch (e) {
    if (!isAppError(e)) throw e;
    const message = e.code === "NOT_FOUND" ? `There is no team “${parsed.data.team}”.` : e.message;
    return { period: await resolvePeriod({ period: parsed.data.period }), problem: message };
  }
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("/insights");
  const { period, problem } = await periodFrom(await searchParams);
  const [data, teams] = await Promise.all([loadDashboard(actor, period), listTeams(actor)]);
  const qs = new URLSearchParams(period.params).toString();
  const csv = (metric: string) => `/api/v1/metrics/${metric}.csv?${qs}`;
  const tableSrc = (metric: string) => `/insights/table?${new URLSearchParams({ ...period.params, metric })}`;
  const props = { data, period, csv, tableSrc };
  const scope = actor.role === "ADMIN" ? "everything in the organisation" : "what you may see: your teams’ work and the reviews shared with you";
  const kpis = [
    { label: "Organisation reached by reviews", value: formatShare(data.readers.summary.reach), href: "#readers" },
    { label: "Median action lead time", value: formatHours(data["lead-time"].summary.medianHours), href: "#lead-time" },
    { label: "Actions done per week", value: formatCount(data.frequency.summary.perWeek), href: "#frequency" },
    { label: "Overdue actions", value: formatCount(data["open-actions"].summary.overdue), href: "#open-actions" },
  ];
  return (
    <>
      <PageHeader
        title="Insights"
        description={`How fast ${period.team ? period.team.name : "the organisation"} learns from incidents: who reads reviews, how quickly actions get done, what reviews find. ${period.label}; counting ${scope}.`}
      />
      <div className="mb-6 rounded-lg border border-border bg-surface px-5 py-4">
        <InsightsFilter period={period} teams={teams.map((t) => ({ slug: t.slug, name: t.name }))} />
      </div>
      {problem ? (
        <Alert tone="error" className="mb-6" title="Showing the default period instead">
          {problem}
        </Alert>
      ) : null}
      <ul className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Key figures">
        {kpis.map((k) => (
          <li key={k.label}>
            <Link href={k.href} className="block rounded-lg border border-border bg-surface px-4 py-3 hover:bg-surface-muted">
              <span className="block text-2xl font-semibold tabular-nums">{k.value}</span>
              <span className="block text-xs text-muted">{k.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ReadersCard {...props} />
        <LeadTimeCard {...props} />
        <FrequencyCard {...props} />
        <OpenActionsCard {...props} />
        <TimeToPublishCard {...props} />
        <FindingsCard {...props} />
        <ParticipationCard {...props} />
      </div>
    </>
  );
}
