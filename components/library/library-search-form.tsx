"use client";

import Link from "next/link";
import { Search } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { LibraryFilterOptions } from "@/lib/library/library-filters";
import { AutoSubmit } from "./auto-submit";
import { FiltersPanel } from "./filters-panel";
import type { LibraryQuery } from "./library-query";

const SORT_LABEL = { relevance: "Most relevant", newest: "Newest first", oldest: "Oldest first" } as const;

function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-muted">{label}</span>
      <Select name={name} defaultValue={value ?? ""} className="w-full">
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/**
 * The library's search: the query box first, then the filters — all in the URL (a GET form), so
 * every search can be bookmarked and shared. Filters apply when changed (AutoSubmit).
 */
export function LibrarySearchForm({ query, options, activeFilters }: { query: LibraryQuery; options: LibraryFilterOptions; activeFilters: number }) {
  const filters = (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
      <FilterSelect name="team" label="Team" value={query.team} options={options.teams.map((t) => ({ value: t.slug, label: `${t.name} (${t.count})` }))} />
      <FilterSelect name="service" label="Service" value={query.service} options={options.services.map((s) => ({ value: s.value, label: `${s.value} (${s.count})` }))} />
      <FilterSelect name="severity" label="Severity" value={query.severity} options={options.severities.map((s) => ({ value: s, label: s }))} />
      <FilterSelect name="category" label="Finding category" value={query.category} options={options.categories.map((c) => ({ value: c.value, label: c.label }))} />
      <FilterSelect name="tag" label="Tag" value={query.tag} options={options.tags.map((t) => ({ value: t.value, label: `${t.value} (${t.count})` }))} />
      <fieldset className="space-y-1 sm:col-span-2 lg:col-span-1">
        <legend className="text-xs font-medium text-muted">Incident date</legend>
        <div className="grid grid-cols-2 gap-2 lg:grid-cols-1">
          <label className="flex items-center gap-2">
            <span className="w-9 shrink-0 text-xs text-muted">From</span>
            <Input type="date" name="from" defaultValue={query.from} min="1970-01-01" max="2100-12-31" className="min-w-0 px-2" />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-9 shrink-0 text-xs text-muted">To</span>
            <Input type="date" name="to" defaultValue={query.to} min="1970-01-01" max="2100-12-31" className="min-w-0 px-2" />
          </label>
        </div>
      </fieldset>
    </div>
  );
  return (
    <form role="search" action="/library" className="contents">
      <AutoSubmit />
      <div className="mb-4 flex flex-col gap-2 sm:flex-row lg:col-span-2 lg:mb-6">
        <label className="relative flex-1">
          <span className="sr-only">Search the library</span>
          <Search aria-hidden className="pointer-events-none absolute top-3 left-3 size-5 text-muted" />
          <Input
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder="Search reviews: “certificate expiry”, kafka lag, failover…"
            className="h-11 pl-10 text-base"
            autoComplete="off"
            maxLength={500}
          />
        </label>
        <div className="flex gap-2">
          <label className="flex-1 sm:flex-none">
            <span className="sr-only">Sort</span>
            <Select name="sort" defaultValue={query.sort ?? (query.q ? "relevance" : "newest")} className="h-11">
              {(Object.keys(SORT_LABEL) as (keyof typeof SORT_LABEL)[]).map((s) => (
                <option key={s} value={s} disabled={s === "relevance" && !query.q}>
                  {SORT_LABEL[s]}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass("primary", "lg")}>
            Search
          </button>
        </div>
      </div>
      <div className="lg:col-start-1 lg:row-start-2">
        <FiltersPanel active={activeFilters}>
          <div className="space-y-4 lg:sticky lg:top-6">
            <div className="hidden items-center justify-between lg:flex">
              <h2 className="text-sm font-semibold">Filters</h2>
              {activeFilters ? (
                <Link href={query.q ? `/library?q=${encodeURIComponent(query.q)}` : "/library"} className="text-xs text-accent hover:underline">
                  Clear all
                </Link>
              ) : null}
            </div>
            {filters}
            <noscript>
              <button type="submit" className={buttonClass("secondary", "sm")}>
                Apply filters
              </button>
            </noscript>
          </div>
        </FiltersPanel>
      </div>
    </form>
  );
}
