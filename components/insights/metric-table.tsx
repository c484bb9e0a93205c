import type { MetricTable as Table } from "@/lib/insights/metric-types";
import { formatCell } from "@/lib/insights/format";

/** A metric's figures as a table (the table view); long lists show their first rows, the CSV has all. */
export type MetricTableProps = { table: Table; caption: string; total?: number; limit?: number };

export function MetricTable({ table, caption, total, limit = 50 }: MetricTableProps) {
  const rows = table.rows.slice(0, limit);
  const more = (total ?? table.rows.length) - rows.length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            {table.columns.map((c, i) => (
              <th key={c.key} scope="col" className={`py-2 pr-3 font-medium ${i > 0 && typeof rows[0]?.[c.key] === "number" ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-border/60 last:border-0">
              {table.columns.map((c, i) => {
                const v = row[c.key] ?? null;
                const Cell = i === 0 ? "th" : "td";
                return (
                  <Cell key={c.key} scope={i === 0 ? "row" : undefined} className={`py-1.5 pr-3 ${i === 0 ? "max-w-72 truncate text-left font-normal" : ""} ${typeof v === "number" ? "text-right tabular-nums" : ""}`}>
                    {formatCell(c.key, v)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="mt-2 text-xs text-muted">Showing {rows.length} of {rows.length + more}. The CSV has every row.</p> : null}
    </div>
  );
}
