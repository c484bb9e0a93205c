/** The shapes every metric shares: a table (the table view and the CSV) beside the chart's data. */
import type { Tx } from "../db/client";

export type Cell = string | number | null;

export type MetricTable = {
  columns: { key: string; label: string }[];
  rows: Record<string, Cell>[];
};

/**
 * Per-item lists (reviews in a table) are cut to `rows`: the dashboard shows the first, the CSV
 * (nearly) all. `client`: the transaction the dashboard runs its queries in (insights-transaction.ts).
 */
export type MetricOptions = { rows?: number; client?: Pick<Tx, "$queryRaw"> };
export const DASHBOARD_ROWS = 50;
export const CSV_ROWS = 100_000;

export const METRICS = ["readers", "lead-time", "frequency", "open-actions", "time-to-publish", "findings", "participation"] as const;
export type MetricName = (typeof METRICS)[number];

/** Hours with one decimal, from seconds (SQL gives epochs). */
export const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);
export const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);
