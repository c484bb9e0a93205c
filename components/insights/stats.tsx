import type { ReactNode } from "react";

/** A row of headline figures above a chart. */
export function Stats({ items }: { items: { label: string; value: ReactNode; hint?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:flex sm:flex-wrap">
      {items.map((s) => (
        <div key={s.label} className="min-w-0">
          <dt className="text-xs text-muted">{s.label}</dt>
          <dd className="text-lg font-semibold tabular-nums" title={s.hint}>
            {s.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The empty state of a metric: what will appear, and how it gets there. */
export function MetricEmpty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-border px-4 py-8 text-center text-sm text-muted">{children}</p>;
}
