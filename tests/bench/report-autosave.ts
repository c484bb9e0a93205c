/** The autosave benchmark and first-load JS in the bench's output (terminal and docs/BENCHMARKS.md). */
import { mdTable, table, type Align } from "./tables";
import type { AutosaveResult, BenchRun, BundleResult, TargetCheck } from "./types";

export const AUTOSAVE_TARGETS = { p95Ms: 100 };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cpu = (server: number | null, database: number | null) =>
  server === null ? "—" : database === null ? (server).toFixed(2) : `${(server + database).toFixed(2)} (db ${database.toFixed(2)})`;
const codes = (c: Record<string, number>) => Object.entries(c).map(([code, n]) => `${code}: ${n}`).join(", ");

const HEAD = ["target", "clients", "saves/s", "vs health", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU ms/save", "saves/s by round", "p95 ms by round", "p95 ms, all saves", "saves", "errors", "body KB min/median/max"];
const ALIGN: Align = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l", "l", "r", "r", "r", "l"];

function rows(a: AutosaveResult): (string | number)[][] {
  const h = a.health;
  return [
    [`Health (baseline, ${h.connections} connections)`, "—", h.rps, "—", h.p50, h.p95, "—", "—", h.cpuMs === null ? "—" : h.cpuMs.toFixed(2), h.roundsRps.map(Math.round).join(" / "), "—", "—", "—", "—", "—"],
    ...a.modes.map((m) => [
      m.name,
      a.clients,
      m.savesPerS,
      pct(m.shareOfHealth),
      m.p50,
      m.p95,
      m.p99,
      m.max,
      cpu(m.serverCpuMs, m.databaseCpuMs),
      m.roundsSavesPerS.map(Math.round).join(" / "),
      // Results saved before these were recorded lack them.
      m.roundsP95?.map(Math.round).join(" / ") ?? "—",
      m.allP95 ?? "—",
      m.saves,
      m.errors,
      m.bodyKB.join(" / "),
    ]),
  ];
}

export function autosaveTargets(a: AutosaveResult): TargetCheck[] {
  const c = a.check;
  return [
    ...a.modes.map((m) => ({ name: `${m.name}: p95 latency`, target: `< ${AUTOSAVE_TARGETS.p95Ms} ms`, measured: `${m.p95} ms`, met: m.p95 < AUTOSAVE_TARGETS.p95Ms })),
    {
      name: "Zero lost or misordered updates",
      target: "every account = its last acknowledged save, version = acknowledged saves",
      measured: `${c.matched} of ${c.accounts} accounts (${c.acknowledged} acknowledged saves); ${c.lost} lost, ${c.misordered} misordered`,
      met: c.lost === 0 && c.misordered === 0 && c.matched === c.accounts,
    },
    {
      name: "Every save answered 200 (no 409, no failure)",
      target: "0 errors",
      measured: `${c.errors} errors${a.modes.some((m) => m.errors) ? ` (${a.modes.map((m) => codes(m.statusCodes)).join("; ")})` : ""}`,
      met: c.errors === 0,
    },
  ];
}

function bundleRows(bundles: BundleResult[]): (string | number)[][] {
  return bundles.map((b) => [
    b.name,
    `\`${b.route}\``,
    b.scripts,
    b.gzipKB,
    b.rawKB,
    b.editorScripts ? `${b.editorGzipKB} (${b.editorScripts} scripts)` : "0",
    b.built ? `${b.built.gzipKB} / ${b.built.rawKB} (${b.built.files} chunks)` : "—",
    b.htmlGzipKB,
  ]);
}
const BUNDLE_HEAD = ["page", "route", "scripts", "first-load JS, KB gzip", "KB raw", "of which editor, KB gzip", "build stats, KB gzip / raw", "HTML, KB gzip"];
const BUNDLE_ALIGN: Align = ["l", "l", "r", "r", "r", "r", "l", "r"];

export function bundleTargets(bundles: BundleResult[]): TargetCheck[] {
  const overview = bundles.find((b) => b.route === "/reviews/[id]");
  const account = bundles.find((b) => b.route === "/reviews/[id]/account");
  if (!overview || !account) return [];
  return [
    {
      name: "Editor code only on pages that edit",
      target: "none on the overview; on the account page",
      measured: `overview ${overview.editorGzipKB} KB, account page ${account.editorGzipKB} KB of editor code (gzip); first load ${overview.gzipKB} → ${account.gzipKB} KB`,
      met: overview.editorScripts === 0 && account.editorScripts > 0,
    },
  ];
}

export function printAutosave(run: BenchRun): string[] {
  const a = run.autosave;
  const out: string[] = [];
  if (a) {
    out.push(`Autosave: ${a.clients} responders, ${a.rounds} rounds interleaved with /api/health (warm-up: ${a.warmupSaves} saves)`, "", ...table(HEAD, rows(a), ALIGN), "");
    out.push(...table(["target", "goal", "measured", "met"], autosaveTargets(a).map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"]), ["l", "l", "l", "l"]), "");
    for (const p of a.check.problems.slice(0, 10)) out.push(`  ${p}`);
  }
  if (run.bundles) out.push("First-load JavaScript", "", ...table(BUNDLE_HEAD, bundleRows(run.bundles), BUNDLE_ALIGN), "");
  return out;
}

export function autosaveSection(run: BenchRun): string[] {
  const a = run.autosave;
  const out: string[] = [];
  if (a) {
    const m = a.machine;
    out.push(
      "### Autosave: responders saving their accounts",
      "",
      `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC; 1-minute load average ${m.loadAverage} → ${m.loadAverageEnd ?? "?"}. ` +
        `${a.clients} responders of one review in INDEPENDENT, each signed in and the only writer of its own account, ` +
        `\`PUT /api/v1/reviews/{id}/accounts/me\` with \`{ content, baseVersion }\` in ${a.rounds} rounds, each round: \`/api/health\`, then flat out (next save as soon as the last is answered), ` +
        `then paced (a pause after each answer, like the editor's debounce). Each row is the round with the median p95 (its saves/s and latencies of its acknowledged saves; every round's p95 and the p95 over all saves are shown too); "vs health" is the median over rounds of saves/s ÷ health's req/s in the same round; CPU is over all rounds. ` +
        `${a.warmupSaves} warm-up saves before the first round count in the check only.`,
      "",
      ...mdTable(HEAD, rows(a), ALIGN),
      "",
      ...mdTable(["what", "target", "measured", "met"], autosaveTargets(a).map((t) => [t.name, t.target, t.measured, t.met ? "✅ yes" : "❌ **no**"]), ["l", "l", "l", "l"]),
      "",
      ...a.check.problems.slice(0, 10).map((p) => `- ${p}`),
    );
  }
  if (run.bundles) {
    out.push(
      "### First-load JavaScript: the account page (editor) vs the review overview",
      "",
      "Scripts the served HTML loads, fetched as a signed-in responder and gzip-compressed (zlib default level); \"build stats\" sums the route's first-load chunks from Turbopack's `route-bundle-stats.json` the same way. KB = 1,024 bytes.",
      "",
      ...mdTable(BUNDLE_HEAD, bundleRows(run.bundles), BUNDLE_ALIGN),
      "",
      ...mdTable(["what", "target", "measured", "met"], bundleTargets(run.bundles).map((t) => [t.name, t.target, t.measured, t.met ? "✅ yes" : "❌ **no**"]), ["l", "l", "l", "l"]),
      "",
    );
  }
  return out;
}
