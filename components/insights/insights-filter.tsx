import { PERIOD_LABEL, PERIODS, type Period } from "@/lib/insights/period";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

/** The team and period of the dashboard, kept in the URL (a plain GET form: links can be shared). */
export function InsightsFilter({ period, teams }: { period: Period; teams: { slug: string; name: string }[] }) {
  const custom = Boolean(period.params.from);
  return (
    <form method="get" action="/insights" className="flex flex-wrap items-end gap-3" aria-label="What the figures cover">
      <label className="space-y-1 text-sm font-medium">
        <span className="block">Team</span>
        <select name="team" defaultValue={period.team?.slug ?? ""} className={cn(controlClass, "h-9 w-64 pr-8")}>
          <option value="">The whole organisation</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm font-medium">
        <span className="block">Period</span>
        <select name="period" defaultValue={custom ? "90d" : (period.params.period ?? "90d")} className={cn(controlClass, "h-9 w-44 pr-8")}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABEL[p]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex items-end gap-2">
        <legend className="mb-1 text-sm font-medium">
          Or from – to <span className="font-normal text-muted">(optional)</span>
        </legend>
        <input type="date" name="from" aria-label="First day" defaultValue={period.params.from ?? ""} className={cn(controlClass, "h-9 w-40")} />
        <input type="date" name="to" aria-label="Last day" defaultValue={period.params.to ?? ""} className={cn(controlClass, "h-9 w-40")} />
      </fieldset>
      <button type="submit" className={buttonClass("secondary")}>
        Show
      </button>
    </form>
  );
}
