"use client";

/**
 * One Insights figure: a headline, the chart or — one tab away — the same figures as a table,
 * and its CSV download. With no data, it says what will appear here and how it gets there.
 *
 * The table is fetched when its tab is first chosen (or pointed at), from the dashboard's cached
 * figures (app/(app)/insights/table): rendered into every card's hidden tab, the tables were two
 * thirds of the dashboard's HTML (~200 KB for a year of a large organisation), and sent along as
 * data they were still two fifths of its rendering time (docs/BENCHMARKS.md).
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Download, RotateCw } from "lucide-react";
import type { MetricTable as Table } from "@/lib/insights/metric-types";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ChartSpec } from "./chart-data";
import { LazyChart } from "./lazy-chart";
import { MetricTable } from "./metric-table";

type View = "chart" | "table";

/** Where a card's table comes from, and how it is shown (see MetricTable). */
export type MetricTableSource = { src: string; caption: string; total?: number; limit?: number };

type Loaded = { src: string } & ({ status: "loading" } | { status: "ready"; table: Table } | { status: "failed"; message: string });

async function fetchTable(src: string, signal: AbortSignal): Promise<Table> {
  let res: Response;
  try {
    res = await fetch(src, { headers: { accept: "application/json" }, cache: "no-store", signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error("The table could not be loaded: you seem to be offline.");
  }
  const json = (await res.json().catch(() => null)) as { table?: Table; error?: { message?: string } } | null;
  if (!res.ok || !json?.table) throw new Error(json?.error?.message ?? `The table could not be loaded (HTTP ${res.status}).`);
  return json.table;
}

/**
 * The table of `src`: `load()` fetches it when nothing is there yet for this `src` (a new period or
 * team starts over), `retry()` again after a failure.
 */
function useTable(src: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const current = loaded?.src === src ? loaded : null;
  const start = useCallback(() => {
    inFlight.current?.abort();
    const abort = new AbortController();
    inFlight.current = abort;
    setLoaded({ src, status: "loading" });
    fetchTable(src, abort.signal).then(
      (table) => setLoaded({ src, status: "ready", table }),
      (e: Error) => {
        if (!abort.signal.aborted) setLoaded({ src, status: "failed", message: e.message });
      },
    );
  }, [src]);
  const load = useCallback(() => {
    if (!current) start();
  }, [current, start]);
  const retry = useCallback(() => {
    if (current?.status === "failed") start();
  }, [current, start]);
  useEffect(() => () => inFlight.current?.abort(), []);
  return { state: current, load, retry };
}

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
  table: MetricTableSource;
  csvHref: string;
  /** Shown instead of the chart and table when there is nothing to show yet. */
  empty: ReactNode | null;
  className?: string;
}) {
  const [view, setView] = useState<View>("chart");
  const base = useId();
  const { state: tableState, load: loadTable, retry: retryTable } = useTable(table.src);
  // The table tab open (chosen, or still open after the period changed): its figures are needed.
  useEffect(() => {
    if (view === "table") loadTable();
  }, [view, loadTable]);
  const tab = (v: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${base}-${v}-tab`}
      aria-selected={view === v}
      aria-controls={`${base}-${v}`}
      tabIndex={view === v ? 0 : -1}
      onClick={() => setView(v)}
      // Pointing at the table tab starts loading it, so it is usually there by the click.
      onPointerEnter={v === "table" ? loadTable : undefined}
      onFocus={v === "table" ? loadTable : undefined}
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
                {view === "table" ? <TableView state={tableState} source={table} retry={retryTable} /> : null}
              </div>
            </>
          )}
        </div>
      </section>
    </Card>
  );
}

function TableView({ state, source, retry }: { state: Loaded | null; source: MetricTableSource; retry: () => void }) {
  if (state?.status === "ready") return <MetricTable table={state.table} caption={source.caption} total={source.total} limit={source.limit} />;
  if (state?.status === "failed") {
    return (
      <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-danger-soft px-4 py-3 text-sm">
        <span>{state.message}</span>
        <button
          type="button"
          onClick={retry}
          className="inline-flex h-7 items-center gap-1.5 rounded-md border border-border bg-surface px-2 text-xs font-medium hover:bg-surface-muted"
        >
          <RotateCw aria-hidden className="size-3.5" /> Try again
        </button>
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">Loading the table…</span>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} aria-hidden className="h-6 animate-pulse rounded bg-surface-muted motion-reduce:animate-none" />
      ))}
    </div>
  );
}
