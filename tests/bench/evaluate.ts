/** Turns raw measurements into what the issue asks about: ratios against the baseline and the targets. */
import { clean, cpuPerRequest, cpuShareOf, shareOf } from "./load";
import type { BenchRun, LoadResult, StartupResult, TargetCheck } from "./types";

export const TARGETS = {
  startupMs: 10_000,
  listP95Ms: 150,
  listShareOfHealth: 0.25,
  /** Our own check, not the issue's: keyset pagination should keep a page's cost flat. */
  growthP50: 1.5,
};

export const isHealth = (r: LoadResult) => r.role === "baseline";

/** Fills in each page's share of the health endpoint's throughput (same server, same rounds) and checks the targets. */
export function evaluate(startup: StartupResult, measured: LoadResult[]): Pick<BenchRun, "loads" | "baselineRps" | "growth" | "targets"> {
  const sizes = [...new Set(measured.map((r) => r.reviews))].sort((a, b) => a - b);
  const small = sizes[0]!;
  const large = sizes[sizes.length - 1]!;
  const loads = measured.map((r) => {
    const health = measured.find((h) => isHealth(h) && h.reviews === r.reviews && (h.processes ?? 1) === (r.processes ?? 1));
    return isHealth(r) || !health ? r : { ...r, shareOfHealth: shareOf(r, health), cpuShareOfHealth: cpuShareOf(r, health) };
  });
  const baselineRps = loads.find((r) => isHealth(r) && r.reviews === large && !r.processes)?.rps ?? 0;
  const healthRps = (l: LoadResult) => loads.find((r) => isHealth(r) && r.reviews === l.reviews && (r.processes ?? 1) === (l.processes ?? 1))?.rps ?? 0;
  const lists = loads.filter((r) => r.role === "list" && r.reviews === large);

  const growth = lists.flatMap((l) => {
    const s = loads.find((r) => r.name === l.name && r.reviews === small && small !== large);
    if (!s) return [];
    const [smallCpuMs, largeCpuMs] = [cpuPerRequest(s), cpuPerRequest(l)];
    const cpuRatio = smallCpuMs && largeCpuMs ? largeCpuMs / smallCpuMs : null;
    return [{ name: l.name, smallP50: s.p50, largeP50: l.p50, ratio: s.p50 ? l.p50 / s.p50 : 0, smallCpuMs, largeCpuMs, cpuRatio }];
  });

  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(1)}%`;
  const targets: TargetCheck[] = [
    {
      name: "Start-up, launch to first 200 from /api/health",
      target: `every run < ${sec(TARGETS.startupMs)}`,
      measured: `median ${sec(startup.medianMs)}, max ${sec(startup.maxMs)}`,
      met: startup.maxMs < TARGETS.startupMs,
    },
    ...lists.map((l) => ({ name: `${l.name}: p95 latency`, target: `< ${TARGETS.listP95Ms} ms`, measured: `${l.p95} ms`, met: l.p95 < TARGETS.listP95Ms })),
    ...lists.map((l) => ({
      name: `${l.name}: throughput vs /api/health`,
      target: `≥ ${pct(TARGETS.listShareOfHealth)}`,
      measured: `${pct(l.shareOfHealth)} (${l.rps} vs ${healthRps(l)} req/s)`,
      met: (l.shareOfHealth ?? 0) >= TARGETS.listShareOfHealth,
    })),
    // Judged on CPU per request when measured: p50s taken minutes apart on a shared machine move with its load.
    ...growth.map((g) => ({
      name: `${g.name}: cost at ${large} vs ${small} reviews`,
      target: `≤ ${TARGETS.growthP50}× (flat; our check)`,
      measured:
        `p50 ${g.ratio.toFixed(2)}× (${g.smallP50} → ${g.largeP50} ms)` +
        (g.cpuRatio === null ? "" : `; CPU/request ${g.cpuRatio.toFixed(2)}× (${g.smallCpuMs!.toFixed(1)} → ${g.largeCpuMs!.toFixed(1)} ms)`),
      met: (g.cpuRatio ?? g.ratio) <= TARGETS.growthP50,
    })),
    {
      name: "Every measured response a 2xx with the expected content",
      target: "0 bad",
      measured: `${loads.reduce((n, r) => n + r.non2xx + r.errors + r.mismatches, 0)} bad of ${loads.reduce((n, r) => n + r.ok, 0)}`,
      met: loads.every(clean),
    },
  ];
  return { loads, baselineRps, growth, targets };
}
