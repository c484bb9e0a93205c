"use client";

import dynamic from "next/dynamic";
import { CHART_HEIGHT } from "./chart-theme";

/** A placeholder the chart's size, so nothing moves when the chart arrives. */
export function ChartSkeleton({ height = CHART_HEIGHT }: { height?: number }) {
  return <div aria-hidden className="animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" style={{ height }} />;
}

/** recharts (~100 KB gzip) is loaded in the browser only where a chart is drawn: here, on Insights. */
export const LazyChart = dynamic(() => import("./chart"), { ssr: false, loading: () => <ChartSkeleton /> });
