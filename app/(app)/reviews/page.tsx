import Link from "next/link";
import { ClipboardList, Plus, Search } from "lucide-react";
import { ReviewList } from "@/components/reviews/review-list";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChoiceSelect, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { TabsNav } from "@/components/ui/tabs-nav";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { viewerTimeZone } from "@/lib/http/viewer";
import { SEVERITIES, SEVERITY_LABEL } from "@/lib/incidents/create-incident";
import { PHASE_LABEL, PHASES } from "@/lib/reviews/lifecycle";
import { listReviews, listReviewsSchema } from "@/lib/reviews/list-reviews";
import { teamChoices } from "@/lib/teams/list-teams";
import { shownTime } from "@/lib/ui/time";

export const metadata = { title: "Reviews" };

const FILTERS = [
  { value: "mine", label: "Mine" },
  { value: "teams", label: "My teams" },
  { value: "all", label: "Everything I can see" },
] as const;

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor("/reviews");
  const raw = await searchParams;
  const parsed = listReviewsSchema.safeParse({
    ...raw,
    filter: raw.filter ?? "mine",
    phase: raw.phase || undefined,
    q: raw.q || undefined,
    teamId: raw.teamId || undefined,
    severity: raw.severity || undefined,
  });
  const input = parsed.success ? parsed.data : listReviewsSchema.parse({ filter: "mine" });
  let result: Awaited<ReturnType<typeof listReviews>> = { items: [], nextCursor: null };
  let error: string | null = parsed.success ? null : "Some filters were not valid and were ignored.";
  // Team names for the filter come from a short per-process cache: the list is the busiest page.
  const teams = teamChoices();
  try {
    result = await listReviews(actor, input);
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e.message;
  }
  const query = (over: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const merged = { filter: input.filter, phase: input.phase, teamId: input.teamId, severity: input.severity, q: input.q, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
    return `/reviews?${params}`;
  };
  const filtered = Boolean(input.phase || input.q || input.teamId || input.severity);
  const cleared = { phase: undefined, q: undefined, teamId: undefined, severity: undefined, cursor: undefined };
  const teamOptions = await teams;
  const tz = await viewerTimeZone();

  return (
    <>
      <PageHeader
        title="Reviews"
        description="Every review you take part in or may read. Start one from an incident."
        actions={
          <ButtonLink href="/incidents">
            <Plus aria-hidden className="size-4" /> Start a review
          </ButtonLink>
        }
      />
      <TabsNav label="Which reviews" items={FILTERS.map((f) => ({ href: query({ filter: f.value, cursor: undefined }), label: f.label, active: input.filter === f.value }))} />
      {/* Keyed by the filters: after "Clear" or a tab (client-side navigation) the menus show what the list shows. */}
      <form key={[input.filter, input.phase, input.teamId, input.severity, input.q].join("|")} className="my-4 flex flex-wrap items-end gap-2" role="search" action="/reviews">
        <input type="hidden" name="filter" value={input.filter} />
        <label className="min-w-72 flex-1">
          <span className="sr-only">Search reviews</span>
          <span className="relative block">
            <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted" />
            <Input name="q" defaultValue={input.q} placeholder="Search by review or incident title" className="pl-8" />
          </span>
        </label>
        <label>
          <span className="sr-only">Phase</span>
          <ChoiceSelect name="phase" any="All phases" selected={input.phase} choices={PHASES.map((p) => ({ value: p, label: PHASE_LABEL[p] }))} />
        </label>
        <label>
          <span className="sr-only">Team</span>
          <ChoiceSelect name="teamId" any="All teams" selected={input.teamId} choices={teamOptions.map((t) => ({ value: t.id, label: t.name }))} />
        </label>
        <label>
          <span className="sr-only">Severity</span>
          <ChoiceSelect name="severity" any="Any severity" selected={input.severity} choices={SEVERITIES.map((v) => ({ value: v, label: SEVERITY_LABEL[v] }))} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered ? (
          <Link href={query(cleared)} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </form>
      {error ? <Alert tone="error" className="mb-4">{error}</Alert> : null}
      {result.items.length === 0 ? (
        <EmptyState
          icon={ClipboardList}
          title={filtered ? "No reviews match these filters" : input.filter === "mine" ? "You are not taking part in any review yet" : "No reviews yet"}
          action={
            filtered ? (
              <ButtonLink variant="secondary" href={query(cleared)}>
                Clear filters
              </ButtonLink>
            ) : (
              <ButtonLink href="/incidents">Start a review from an incident</ButtonLink>
            )
          }
        >
          {filtered
            ? "Try other filters or another search term."
            : "When a facilitator invites you to a review, it appears here. You can also start a review of an incident your team owns."}
        </EmptyState>
      ) : (
        <ReviewList
          rows={result.items.map((r) => ({
            id: r.id,
            title: r.title,
            severity: r.incident.severity,
            team: r.incident.team.name,
            facilitator: r.facilitator?.name ?? r.facilitator?.email ?? "—",
            people: r.participantCount,
            myRole: r.myRole,
            phase: r.phase,
            updated: shownTime(r.updatedAt, tz, "relative"),
          }))}
        />
      )}
      {input.cursor || result.nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex justify-between">
          {input.cursor ? (
            <Link href={query({ cursor: undefined })} className={buttonClass("secondary", "sm")}>
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {result.nextCursor ? (
            <Link href={query({ cursor: result.nextCursor })} className={buttonClass("secondary", "sm")}>
              Next page →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
