/** The Insights cards about reviews: readers, time to publish, findings by category, participation. */
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL } from "@/lib/findings/categories";
import { bucketLabel } from "@/lib/insights/buckets";
import { formatCount, formatHours, formatShare } from "@/lib/insights/format";
import type { MetricData } from "@/lib/insights/metrics";
import type { Period } from "@/lib/insights/period";
import { MetricCard } from "./metric-card";
import { MetricEmpty, Stats } from "./stats";

type Props = { data: MetricData; period: Period; csv: (metric: string) => string; tableSrc: (metric: string) => string };

export function ReadersCard({ data, csv, tableSrc }: Props) {
  const m = data.readers;
  const s = m.summary;
  return (
    <MetricCard
      id="readers"
      title="Review readers"
      description="How many people opened each review published in this period."
      csvHref={csv("readers")}
      empty={s.reviews ? null : <MetricEmpty>No reviews were published in this period. When a review is published and people open its report, each review’s readers — and how much of the organisation they reach — appear here.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Reviews published", value: formatCount(s.reviews) },
            { label: "Organisation reached", value: formatShare(s.reach), hint: `${s.readers} of ${s.activePeople} active people read at least one` },
            { label: "Median readers per review", value: formatCount(s.medianReaders) },
          ]}
        />
      }
      chart={{
        kind: "bars",
        title: "Most read reviews of the period, by readers",
        horizontal: true,
        x: "title",
        unit: "count",
        data: m.reviews.slice(0, 8).map((r) => ({ title: r.title, readers: r.readers })),
        series: [{ key: "readers", label: "Readers" }],
      }}
      table={{ src: tableSrc("readers"), caption: "Readers per review", total: s.reviews }}
    />
  );
}

export function TimeToPublishCard({ data, period, csv, tableSrc }: Props) {
  const m = data["time-to-publish"];
  return (
    <MetricCard
      id="time-to-publish"
      title="Time to publish"
      description="From the incident’s resolution to the review’s publication."
      csvHref={csv("time-to-publish")}
      empty={m.summary.reviews ? null : <MetricEmpty>No reviews were published in this period. For each one, the time from the incident’s resolution to its publication appears here — the sooner, the fresher the learning.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Median", value: formatHours(m.summary.medianHours) },
            { label: "p90", value: formatHours(m.summary.p90Hours), hint: "9 in 10 reviews were published within this time" },
            { label: "Reviews", value: formatCount(m.summary.reviews) },
          ]}
        />
      }
      chart={{
        kind: "lines",
        title: `Median and p90 time to publish per ${period.bucket}`,
        x: "label",
        unit: "hours",
        data: m.series.map((b) => ({ label: bucketLabel(b.bucket, period.bucket), median: b.medianHours, p90: b.p90Hours })),
        series: [
          { key: "median", label: "Median" },
          { key: "p90", label: "p90" },
        ],
      }}
      table={{ src: tableSrc("time-to-publish"), caption: "Time to publish per review, slowest first", total: m.summary.reviews }}
    />
  );
}

export function FindingsCard({ data, period, csv, tableSrc }: Props) {
  const m = data.findings;
  return (
    <MetricCard
      id="findings"
      title="Findings by category"
      description="What reviews published in this period found — beyond technical fixes?"
      csvHref={csv("findings")}
      empty={m.summary.findings ? null : <MetricEmpty>No findings in reviews published in this period. Technical and human factors, knowledge gaps, surprises and what went well appear here over time.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Findings", value: formatCount(m.summary.findings) },
            { label: "Beyond technical", value: formatShare(m.summary.beyondTechnical), hint: "Human & organisational factors, knowledge gaps and surprises, of all findings except what went well" },
            { label: "Knowledge gaps", value: formatCount(m.summary.byCategory.KNOWLEDGE_GAP) },
          ]}
        />
      }
      chart={{
        kind: "bars",
        title: `Findings per ${period.bucket}, by category`,
        stacked: true,
        x: "label",
        unit: "count",
        data: m.series.map((b) => ({ label: bucketLabel(b.bucket, period.bucket), ...Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, b[c]])) })),
        series: FINDING_CATEGORIES.map((c) => ({ key: c, label: FINDING_CATEGORY_LABEL[c] })),
      }}
      table={{ src: tableSrc("findings"), caption: "Findings per period by category", limit: 60 }}
    />
  );
}

export function ParticipationCard({ data, period, csv, tableSrc }: Props) {
  const m = data.participation;
  return (
    <MetricCard
      id="participation"
      title="Participation"
      description="Responders who wrote their account before the accounts were revealed."
      csvHref={csv("participation")}
      empty={m.summary.reviews ? null : <MetricEmpty>No accounts were revealed in this period. When a facilitator reveals a review’s accounts, the share of responders who wrote theirs beforehand appears here.</MetricEmpty>}
      headline={
        <Stats
          items={[
            { label: "Accounts before the reveal", value: formatShare(m.summary.share), hint: `${m.summary.submitted} of ${m.summary.responders} responders` },
            { label: "Reviews revealed", value: formatCount(m.summary.reviews) },
          ]}
        />
      }
      chart={{
        kind: "bars",
        title: `Share of responders with an account before the reveal, per ${period.bucket}`,
        x: "label",
        unit: "share",
        data: m.series.map((b) => ({ label: bucketLabel(b.bucket, period.bucket), share: b.share })),
        series: [{ key: "share", label: "Accounts before the reveal" }],
      }}
      table={{ src: tableSrc("participation"), caption: "Participation per review, latest first", total: m.summary.reviews }}
    />
  );
}
