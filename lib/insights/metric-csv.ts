/** A metric's table as a CSV download (RFC 4180, with a header row of the column labels). */
import { stringify } from "csv-stringify/sync";
import type { MetricName, MetricTable } from "./metric-types";
import type { Period } from "./period";

export function metricCsv(table: MetricTable): string {
  return stringify([table.columns.map((c) => c.label), ...table.rows.map((row) => table.columns.map((c) => row[c.key] ?? ""))], { record_delimiter: "\r\n" });
}

export function metricCsvFilename(metric: MetricName, period: Period): string {
  const range = `${period.from.toISOString().slice(0, 10)}_${new Date(period.to.getTime() - 86_400_000).toISOString().slice(0, 10)}`;
  return `debrief-${metric}${period.team ? `-${period.team.slug}` : ""}-${range}.csv`;
}

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  });
}
