import Link from "next/link";
import { BookOpen, SearchX } from "lucide-react";
import { FILTER_KEYS, type LibraryQuery } from "@/components/library/library-query";
import { LibrarySearchForm } from "@/components/library/library-search-form";
import { Pagination } from "@/components/library/pagination";
import { ResultList, type ResultListItem } from "@/components/library/result-list";
import { SimilarReviewsSection } from "@/components/library/similar-reviews";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { FINDING_CATEGORY_LABEL, type FindingCategoryName } from "@/lib/findings/categories";
import { viewerTimeZone } from "@/lib/http/viewer";
import { libraryFilterOptions } from "@/lib/library/library-filters";
import { searchLibrary, searchLibrarySchema, type LibrarySearch, type LibrarySearchItem } from "@/lib/library/search-library";
import { similarToYourServices } from "@/lib/library/similar-to-your-services";
import { shownTime } from "@/lib/ui/time";

export const metadata = { title: "Library" };

const SHORT_CATEGORY: Record<FindingCategoryName, string> = {
  CONTRIBUTING_TECHNICAL: "Technical factors",
  CONTRIBUTING_HUMAN: "Human & organisational factors",
  KNOWLEDGE_GAP: "Knowledge gaps",
  OPERATIONAL_SURPRISE: "Surprises",
  WENT_WELL: "What went well",
};

type Href = (over: Partial<Record<keyof LibraryQuery | "page", string | undefined>>) => string;

/** A result as the client list takes it: dates in the viewer's timezone, tag and category links built. */
function resultItem(item: LibrarySearchItem, tz: string, href: Href): ResultListItem {
  return {
    id: item.id,
    titleParts: item.titleParts,
    snippet: item.snippet,
    severity: item.severity,
    team: item.team.name,
    services: item.services,
    incident: shownTime(item.incidentAt, tz, "date"),
    published: shownTime(item.publishedAt, tz, "relative"),
    tags: item.tags.map((t) => ({ name: t, href: href({ tag: t }) })),
    categories: item.categories
      .filter((c) => c !== "WENT_WELL")
      .map((c) => ({ key: c, label: SHORT_CATEGORY[c], title: FINDING_CATEGORY_LABEL[c], href: href({ category: c }) })),
  };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/library");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const parsed = searchLibrarySchema.safeParse(raw);
  // Bad filters (e.g. a date out of range) are named, and the search runs without them.
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const input = parsed.success ? parsed.data : searchLibrarySchema.parse({ q: raw.q });
  const [result, options] = await Promise.all([searchLibrary(actor, input), libraryFilterOptions(actor)]);
  const query: LibraryQuery = parsed.success
    ? { q: input.q || undefined, team: input.team, service: input.service, severity: input.severity, category: input.category, tag: input.tag, from: input.from, to: input.to, sort: raw.sort }
    : { q: input.q || undefined };
  const activeFilters = FILTER_KEYS.filter((k) => query[k]).length;
  const landing = !query.q && activeFilters === 0 && input.page === 1;
  const [similar, tz] = await Promise.all([landing ? similarToYourServices(actor) : null, viewerTimeZone()]);

  const href: Href = (over) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: undefined, ...over })) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `/library?${s}` : "/library";
  };

  return (
    <>
      <PageHeader
        title="Library"
        description="What every team learned from its incidents. Search the published reviews you may read — titles, summaries, findings, timelines and narratives."
      />
      <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-x-8">
        {/* Keyed by the search: its fields are uncontrolled, so a link to another search (a tag, a category) gives a new form showing it. */}
        <LibrarySearchForm key={JSON.stringify(query)} query={query} options={options} activeFilters={activeFilters} />
        <div className="lg:col-start-2 lg:row-start-2">
          {problems.length ? (
            <Alert tone="error" className="mb-4" title="Some filters could not be used">
              {problems.join(" ")} The search below ignores them.
            </Alert>
          ) : null}
          {similar ? <SimilarReviewsSection similar={similar} /> : null}
          <Results result={result} items={result.items.map((item) => resultItem(item, tz, href))} options={options.total} query={query} href={href} />
        </div>
      </div>
    </>
  );
}

function Results({
  result,
  items,
  options: published,
  query,
  href,
}: {
  result: LibrarySearch;
  items: ResultListItem[];
  options: number;
  query: LibraryQuery;
  href: Href;
}) {
  const filtered = FILTER_KEYS.some((k) => query[k]);
  if (published === 0) {
    return (
      <EmptyState icon={BookOpen} title="No published reviews yet" action={<ButtonLink href="/reviews">Go to your reviews</ButtonLink>}>
        When a facilitator publishes a review, its summary, timeline, narrative and findings appear here for everyone it is shared with — so other teams can learn from it.
      </EmptyState>
    );
  }
  if (result.items.length === 0) {
    return (
      <EmptyState
        icon={SearchX}
        title={query.q ? `No reviews match “${query.q}”` : "No reviews match these filters"}
        action={
          <ButtonLink variant="secondary" href="/library">
            Clear search and filters
          </ButtonLink>
        }
      >
        {query.q ? "Try fewer or different words — a service name, a symptom like “timeout”, or a tool. " : null}
        {filtered ? "Some filters are set: removing them may find more. " : null}
        There are {published.toLocaleString("en")} published reviews you may read.
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="mb-3 text-sm text-muted">
        <span className="font-semibold text-foreground">
          {result.total.toLocaleString("en")}
          {result.totalCapped ? "+" : ""}
        </span>{" "}
        {result.total === 1 && !result.totalCapped ? "review" : "reviews"}
        {query.q ? (
          <>
            {" "}
            for <span className="font-medium text-foreground">“{query.q}”</span>
          </>
        ) : (
          " — newest first"
        )}
      </h2>
      <ResultList items={items} />
      <Pagination page={result.page} pages={Math.min(result.pages, 100)} href={(page) => href({ page: String(page) })} />
      {(result.page === 100 && result.pages > 100) || (result.totalCapped && result.page >= result.pages) ? (
        <p className="mt-3 text-center text-xs text-muted">
          {result.totalCapped
            ? `Showing the first ${result.total.toLocaleString("en")} matches${result.sort === "relevance" ? ", the most recent ranked by relevance" : ""}. `
            : "Showing the first 100 pages. "}
          <Link href="/library">Narrow the search</Link> to see more.
        </p>
      ) : null}
    </section>
  );
}
