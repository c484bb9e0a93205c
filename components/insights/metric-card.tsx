"use client";

/**
 * One Insights figure: a headline, the chart or — one tab away — the same figures as a table,
 * and its CSV download. With no data, it says what will appear here and how it gets there.
 *
 * The table arrives as data and is rendered here only once its tab is chosen: rendered on the
 * server into every card's hidden tab, the tables were two thirds of the dashboard's HTML and
 * React payload (~200 KB for a year of a large organisation) and most of its rendering time.
 */
import { useId, useState, type ReactNode } from "react";
import { Download } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ChartSpec } from "./chart-data";
import { LazyChart } from "./lazy-chart";
import { MetricTable, type MetricTableProps } from "./metric-table";

type View = "chart" | "table";

export function MetricCard({
  id,
  title,
  description,
  headline,
  chart,
  table,
  csvHref,
  empty,
  className,
}: {
  id: string;
  title: string;
  description: string;
  headline?: ReactNode;
  chart: ChartSpec;
  table: MetricTableProps;
  csvHref: string;
  /** Shown instead of the chart and table when there is nothing to show yet. */
  empty: ReactNode | null;
  className?: string;
}) {
  const [view, setView] = useState<View>("chart");
  const base = useId();
  const tab = (v: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${base}-${v}-tab`}
      aria-selected={view === v}
      aria-controls={`${base}-${v}`}
      tabIndex={view === v ? 0 : -1}
      onClick={() => setView(v)}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          const next: View = view === "chart" ? "table" : "chart";
          setView(next);
          document.getElementById(`${base}-${next}-tab`)?.focus();
        }
      }}
      className={cn("rounded px-2.5 py-1 text-xs font-medium", view === v ? "bg-surface text-foreground shadow-xs" : "text-muted hover:text-foreground")}
    >
      {label}
    </button>
  );
  return (
    <Card className={cn("flex min-w-0 flex-col", className)}>
      <section aria-labelledby={`${base}-title`} id={id} className="flex flex-1 flex-col">
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-4">
          <div className="min-w-0">
            <h2 id={`${base}-title`} className="text-base font-semibold">
              {title}
            </h2>
            <p className="mt-0.5 text-sm text-muted">{description}</p>
          </div>
          {empty ? null : (
            <div className="flex items-center gap-2">
              <div role="tablist" aria-label={`${title}: view`} className="flex rounded-md bg-surface-muted p-0.5">
                {tab("chart", "Chart")}
                {tab("table", "Table")}
              </div>
              <a
                href={csvHref}
                download
                className="inline-flex h-7 items-center gap-1.5 rounded-md border border-border px-2 text-xs font-medium text-foreground hover:bg-surface-muted"
                aria-label={`Download ${title} as CSV`}
              >
                <Download aria-hidden className="size-3.5" /> CSV
              </a>
            </div>
          )}
        </header>
        <div className="flex-1 px-5 py-4">
          {empty ?? (
            <>
              {headline ? <div className="mb-4">{headline}</div> : null}
              <div role="tabpanel" id={`${base}-chart`} aria-labelledby={`${base}-chart-tab`} hidden={view !== "chart"}>
                <figure aria-label={chart.title}>
                  <LazyChart spec={chart} />
                  <figcaption className="sr-only">{chart.title}. The same figures are in the table view.</figcaption>
                </figure>
              </div>
              <div role="tabpanel" id={`${base}-table`} aria-labelledby={`${base}-table-tab`} hidden={view !== "table"}>
                {view === "table" ? <MetricTable {...table} /> : null}
              </div>
            </>
          )}
        </div>
      </section>
    </Card>
  );
}
