"use client";

import Link from "next/link";
import { TimeLabel } from "@/components/ui/time-label";
import type { ShownTime } from "@/lib/ui/time";
import { FactsLine } from "./facts-line";
import { Highlighted } from "./highlighted";

type Part = { text: string; match: boolean };

/** One search result as plain data: times formatted for the viewer, filter links already built. */
export type ResultListItem = {
  id: string;
  titleParts: Part[];
  snippet: Part[];
  severity: string;
  team: string;
  services: string[];
  incident: ShownTime;
  published: ShownTime;
  tags: { name: string; href: string }[];
  /** Finding categories (other than "what went well"): a short label, the full one on hover. */
  categories: { key: string; label: string; title: string; href: string }[];
};

/**
 * The tag icon (lucide's "tag", ISC licence) once per list as an SVG symbol: every result shows a
 * few tags, each a short <use> of it instead of a full inline SVG.
 */
function TagIconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute size-0 overflow-hidden">
      <symbol id="library-tag" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12.586 2.586A2 2 0 0 0 11.172 2H4a2 2 0 0 0-2 2v7.172a2 2 0 0 0 .586 1.414l8.704 8.704a2.426 2.426 0 0 0 3.42 0l6.58-6.58a2.426 2.426 0 0 0 0-3.42z" />
        <circle cx="7.5" cy="7.5" r=".5" fill="currentColor" />
      </symbol>
    </svg>
  );
}

/**
 * The library's results: the title and snippet with the matching words marked, the facts, tags
 * and what kinds of findings each has. A client component on purpose, as the reviews list: the
 * page hands it the results as data (~600 bytes each), so the React payload does not carry every
 * element and class name of every card, and the server renders the markup once instead of twice.
 */
export function ResultList({ items }: { items: ResultListItem[] }) {
  return (
    <>
      <TagIconSprite />
      <ol className="space-y-3">
        {items.map((item) => (
          <li key={item.id}>
            <article className="group relative rounded-lg border border-border bg-surface px-5 py-4 shadow-xs transition-colors hover:border-accent/40">
              <h3 className="text-base leading-snug font-semibold">
                <Link href={`/reviews/${item.id}/report`} className="after:absolute after:inset-0 group-hover:underline">
                  <Highlighted parts={item.titleParts} />
                </Link>
              </h3>
              <div className="mt-1.5">
                <FactsLine severity={item.severity} team={item.team} incident={item.incident} services={item.services} />
              </div>
              {item.snippet.length ? (
                <p className="mt-2.5 line-clamp-3 text-sm leading-relaxed text-foreground/85">
                  <Highlighted parts={item.snippet} />
                </p>
              ) : null}
              <div className="relative z-10 mt-3 flex flex-wrap items-center gap-1.5 text-xs">
                {item.tags.map((t) => (
                  <Link key={t.name} href={t.href} className="inline-flex items-center gap-1 rounded-full border border-border px-2 py-0.5 text-muted hover:border-accent hover:text-accent">
                    <svg aria-hidden className="size-3">
                      <use href="#library-tag" />
                    </svg>
                    {t.name}
                  </Link>
                ))}
                {item.categories.map((c) => (
                  <Link key={c.key} href={c.href} title={c.title} className="rounded-full bg-surface-muted px-2 py-0.5 text-muted hover:text-accent">
                    {c.label}
                  </Link>
                ))}
                <span className="ml-auto text-muted">
                  Published <TimeLabel time={item.published} />
                </span>
              </div>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
