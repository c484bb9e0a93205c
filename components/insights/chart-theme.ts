/**
 * Colours and axis styles of the Insights charts. Series colours are mid-lightness OKLCH, readable
 * on the light and the dark theme; axes and grid follow the theme's own variables.
 */
export const SERIES = [
  "oklch(0.58 0.16 270)", // indigo (the accent)
  "oklch(0.62 0.12 190)", // teal
  "oklch(0.72 0.14 75)", // amber
  "oklch(0.6 0.17 15)", // rose
  "oklch(0.6 0.03 260)", // slate
] as const;

export const OVERDUE = "oklch(0.6 0.19 25)";
export const ON_TRACK = SERIES[0];

export const axis = {
  stroke: "var(--border)",
  tick: { fill: "var(--muted)", fontSize: 12 },
  tickLine: false,
} as const;

export const grid = { stroke: "var(--border)", strokeDasharray: "3 3", vertical: false } as const;

export const tooltip = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--foreground)" },
  labelStyle: { color: "var(--foreground)", fontWeight: 600 },
  cursor: { fill: "var(--surface-muted)" },
} as const;

export const legend = { wrapperStyle: { fontSize: 12, color: "var(--muted)" }, iconType: "circle" as const, iconSize: 8 };

export const CHART_HEIGHT = 260;
