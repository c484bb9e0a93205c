import Link from "next/link";
import { Time } from "@/components/ui/time";
import { FINDING_CATEGORY_LABEL, type FindingCategoryName } from "@/lib/findings/categories";
import type { LibrarySearchItem } from "@/lib/library/search-library";
import { Highlighted } from "./highlighted";
import { ReviewFactsLine } from "./review-facts-line";

const SHORT_CATEGORY: Record<FindingCategoryName, string> = {
  CONTRIBUTING_TECHNICAL: "Technical factors",
  CONTRIBUTING_HUMAN: "Human & organisational factors",
  KNOWLEDGE_GAP: "Knowledge gaps",
  OPERATIONAL_SURPRISE: "Surprises",
  WENT_WELL: "What went well",
};

/**
 * The tag icon (lucide's "tag", ISC licence) once per page as an SVG symbol: every result shows a
 * few tags, each a short <use> of it instead of a full inline SVG (in the HTML and again in the
 * page's RSC payload). Render it once above the results.
 */
export function ResultIconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute size-0 overflow-hidden">
      <symbol id="library-tag" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12.586 2.586A2 2 0 0 0 11.172 2H4a2 2 0 0 0-2 2v7.172a2 2 0 0 0 .586 1.414l8.704 8.704a2.426 2.426 0 0 0 3.42 0l6.58-6.58a2.426 2.426 0 0 0 0-3.42z" />
        <circle cx="7.5" cy="7.5" r=".5" fill="currentColor" />
      </symbol>
    </svg>
  );
}

/** One search result: the title and snippet with the matching words marked, the facts, tags and what kinds of findings it has. */
export function ResultCard({ item, filterHref }: { item: LibrarySearchItem; filterHref: (key: "tag" | "category", value: string) => string }) {
  return (
    <article className="group relative rounded-lg border border-border bg-surface px-5 py-4 shadow-xs transition-colors hover:border-accent/40">
      <h3 className="text-base leading-snug font-semibold">
        <Link href={`/reviews/${item.id}/report`} className="after:absolute after:inset-0 group-hover:underline">
          <Highlighted parts={item.titleParts} />
        </Link>
      </h3>
      <div className="mt-1.5">
        <ReviewFactsLine severity={item.severity} team={item.team} incidentAt={item.incidentAt} services={item.services} />
      </div>
      {item.snippet.length ? (
        <p className="mt-2.5 line-clamp-3 text-sm leading-relaxed text-foreground/85">
          <Highlighted parts={item.snippet} />
        </p>
      ) : null}
      <div className="relative z-10 mt-3 flex flex-wrap items-center gap-1.5 text-xs">
        {item.tags.map((t) => (
          <Link key={t} href={filterHref("tag", t)} className="inline-flex items-center gap-1 rounded-full border border-border px-2 py-0.5 text-muted hover:border-accent hover:text-accent">
            <svg aria-hidden className="size-3">
              <use href="#library-tag" />
            </svg>
            {t}
          </Link>
        ))}
        {item.categories
          .filter((c) => c !== "WENT_WELL")
          .map((c) => (
            <Link key={c} href={filterHref("category", c)} title={FINDING_CATEGORY_LABEL[c]} className="rounded-full bg-surface-muted px-2 py-0.5 text-muted hover:text-accent">
              {SHORT_CATEGORY[c]}
            </Link>
          ))}
        <span className="ml-auto text-muted">
          Published <Time date={item.publishedAt} relative />
        </span>
      </div>
    </article>
  );
}
