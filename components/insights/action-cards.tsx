/** The Insights cards about improvement actions: lead time, frequency, open and overdue. */
import { ACTION_KINDS, KIND_LABEL } from "@/lib/action-items/action-fields";
import { bucketLabel } from "@/lib/insights/buckets";
import { formatCount, formatHours } from "@/lib/insights/format";
import type { MetricData } from "@/lib/insights/metrics";
import type { Period } from "@/lib/insights/period";
import { OVERDUE, ON_TRACK } from "./chart-theme";
import { MetricCard } from "./metric-card";
import { MetricEmpty, Stats } from "./stats";

type Props = { data: MetricData; period: Period; csv: (metric: string) => string; tableSrc: (metric: string) => string };

export function LeadTimeCard({ data, period, csv, tableSrc }: Props) {
  const m = data["lead-time"];
  return (
    <MetricCard
      id="lead-time"
      title="Action lead time"
      description="From agreeing an improvement action to done. They should take hours or days, not months."
      csvHref={csv("lead-time")}
      empty={m.summary.done ? null : <MetricEmpty>No improvement actions were finished in this period. When agreed actions are done, the time from agreement to done appears here — median and p90, per team.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Median", value: formatHours(m.summary.medianHours) },
            { label: "p90", value: formatHours(m.summary.p90Hours), hint: "9 in 10 actions were done within this time" },
            { label: "Actions done", value: formatCount(m.summary.done) },
          ]}
        />
      }
      chart={{
        kind: "lines",
        title: `Median and p90 lead time of actions done per ${period.bucket}`,
        x: "label",
        unit: "hours",
        data: m.series.map((b) => ({ label: bucketLabel(b.bucket, period.bucket), median: b.medianHours, p90: b.p90Hours })),
        series: [
          { key: "median", label: "Median" },
          { key: "p90", label: "p90" },
        ],
      }}
      table={{ src: tableSrc("lead-time"), caption: "Lead time per team" }}
    />
  );
}

export function FrequencyCard({ data, csv, tableSrc }: Props) {
  const m = data.frequency;
  return (
    <MetricCard
      id="frequency"
      title="Actions done per week"
      description="Improvement action frequency, by kind of action."
      csvHref={csv("frequency")}
      empty={m.summary.done ? null : <MetricEmpty>No actions were done in this period yet. Each week’s finished actions — fixes, mitigations, detection, process and learning — appear here.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Per week", value: formatCount(m.summary.perWeek) },
            { label: "Done", value: formatCount(m.summary.done) },
            { label: "Weeks without any", value: formatCount(m.summary.weeksWithNone) },
          ]}
        />
      }
      chart={{
        kind: "bars",
        title: "Actions done per week, by kind",
        stacked: true,
        x: "label",
        unit: "count",
        data: m.weeks.map((w) => ({ label: bucketLabel(w.week, "week"), ...Object.fromEntries(ACTION_KINDS.map((k) => [k, w[k]])) })),
        series: ACTION_KINDS.map((k) => ({ key: k, label: KIND_LABEL[k] })),
      }}
      table={{ src: tableSrc("frequency"), caption: "Actions done per week, by kind", limit: 60 }}
    />
  );
}

export function OpenActionsCard({ data, csv, tableSrc }: Props) {
  const m = data["open-actions"];
  const s = m.summary;
  return (
    <MetricCard
      id="open-actions"
      title="Open and overdue actions"
      description={`Agreed, not yet done, on ${s.asOf} — by team and priority.`}
      csvHref={csv("open-actions")}
      empty={s.open ? null : <MetricEmpty>No open actions at the end of this period. Agreed actions that are not done yet appear here by team and priority, overdue ones first.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Open", value: formatCount(s.open) },
            { label: "Overdue", value: formatCount(s.overdue) },
            { label: "High priority open", value: formatCount(s.byPriority.HIGH.open), hint: `${s.byPriority.HIGH.overdue} of them overdue` },
          ]}
        />
      }
      chart={{
        kind: "bars",
        title: "Open actions per team: overdue and on track",
        horizontal: true,
        stacked: true,
        x: "team",
        unit: "count",
        colours: [OVERDUE, ON_TRACK],
        data: m.teams.slice(0, 8).map((t) => ({ team: t.team, overdue: t.overdue, onTrack: t.open - t.overdue })),
        series: [
          { key: "overdue", label: "Overdue" },
          { key: "onTrack", label: "On track" },
        ],
      }}
      table={{ src: tableSrc("open-actions"), caption: "Open and overdue actions per team and priority" }}
    />
  );
}
