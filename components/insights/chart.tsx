"use client";

/**
 * The one recharts component of Insights: bars (grouped, stacked, horizontal) or lines, sized to
 * its card. Imported only through lazy-chart.tsx, so recharts loads only on the Insights page.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatHours, formatShare } from "@/lib/insights/format";
import { axis, CHART_HEIGHT, grid, legend, SERIES, tooltip } from "./chart-theme";
import type { ChartSpec } from "./chart-data";

const formatter = (unit: "hours" | "share" | "count" | undefined) => (v: unknown) => {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) return "—";
  return unit === "hours" ? formatHours(n) : unit === "share" ? formatShare(n) : formatCount(n);
};

function truncate(label: unknown, max = 28): string {
  const s = String(label ?? "");
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export default function Chart({ spec }: { spec: ChartSpec }) {
  const f = formatter(spec.unit);
  const colours = (spec.kind === "bars" && spec.colours) || SERIES;
  if (spec.kind === "lines") {
    return (
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={spec.data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...grid} />
          <XAxis dataKey={spec.x} {...axis} minTickGap={16} />
          <YAxis {...axis} tickFormatter={f} width={64} />
          <Tooltip {...tooltip} formatter={f} />
          <Legend {...legend} />
          {spec.series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={colours[i % colours.length]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    );
  }
  const horizontal = spec.horizontal;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={spec.data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...grid} vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" {...axis} tickFormatter={f} />
            <YAxis type="category" dataKey={spec.x} {...axis} width={150} tickFormatter={(v) => truncate(v, 22)} />
          </>
        ) : (
          <>
            <XAxis dataKey={spec.x} {...axis} minTickGap={12} />
            <YAxis {...axis} tickFormatter={f} width={48} allowDecimals={spec.unit !== "count"} />
          </>
        )}
        <Tooltip {...tooltip} formatter={f} />
        {spec.series.length > 1 ? <Legend {...legend} /> : null}
        {spec.series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={colours[i % colours.length]}
            stackId={spec.stacked ? "stack" : undefined}
            maxBarSize={horizontal ? 18 : 28}
            radius={spec.stacked ? 0 : horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
