/** The data each Insights chart draws: small, serialisable shapes the page passes to the client. */
export type Series = { key: string; label: string };

export type ChartSpec =
  | { kind: "bars"; title: string; data: Record<string, string | number | null>[]; x: string; series: Series[]; stacked?: boolean; unit?: "hours" | "share" | "count"; horizontal?: boolean; colours?: string[] }
  | { kind: "lines"; title: string; data: Record<string, string | number | null>[]; x: string; series: Series[]; unit: "hours" | "share" | "count" };
