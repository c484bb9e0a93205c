/**
 * What the REST API returns for Insights (the metrics behind the dashboard), your subscriptions
 * and the organisation import (see ../responses.ts for how response schemas are used). Durations
 * are hours with one decimal; shares are 0–1 with three decimals; buckets are the first day of a
 * week (Monday, UTC) or month, as YYYY-MM-DD.
 */
import { z } from "zod";
import { ACTION_KINDS, ACTION_PRIORITIES } from "../../action-items/action-fields";
import { FINDING_CATEGORIES } from "../../findings/categories";
import { SUBSCRIPTION_KINDS } from "../../follow/subscription-input";
import { dateTime } from "../wire";

const n = z.number();
const int = z.number().int();
const share = z.number().nullable().describe("0–1; null when there is nothing to divide by.");
const hoursOrNull = z.number().nullable().describe("Hours (one decimal); null without data.");
const day = z.string().describe("YYYY-MM-DD");
const cell = z.union([z.string(), z.number(), z.null()]);

const periodSchema = z
  .object({
    from: dateTime.describe("First instant covered."),
    to: dateTime.describe("End of the period (exclusive)."),
    label: z.string(),
    bucket: z.enum(["week", "month"]).describe("How series over time are grouped: weekly up to 120 days, monthly beyond."),
    team: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable().describe("The team the figures are limited to; null for the organisation."),
  })
  .describe("What the figures cover. Every figure counts only what you may see (admins: everything).");

const tableSchema = z
  .object({ columns: z.array(z.object({ key: z.string(), label: z.string() })), rows: z.array(z.record(z.string(), cell)) })
  .describe("The figures as a table (what the CSV holds): column keys and labels, then rows.");

const metric = <S extends z.ZodRawShape>(shape: S) => z.object({ period: periodSchema, ...shape, table: tableSchema });

const leadStat = { medianHours: hoursOrNull, p90Hours: hoursOrNull };
const perKind = Object.fromEntries(ACTION_KINDS.map((k) => [k, int])) as Record<(typeof ACTION_KINDS)[number], typeof int>;
const perCategory = Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, int])) as Record<(typeof FINDING_CATEGORIES)[number], typeof int>;
const counts = z.object({ open: int, overdue: int });
const perPriority = z.object(Object.fromEntries(ACTION_PRIORITIES.map((p) => [p, counts])) as Record<(typeof ACTION_PRIORITIES)[number], typeof counts>);

export const readersMetricSchema = metric({
  summary: z.object({
    reviews: int.describe("Reviews published in the period."),
    readers: int.describe("Different people who read any of them."),
    activePeople: int,
    reach: share.describe("readers ÷ activePeople: the share of the organisation reached."),
    medianReaders: n.nullable().describe("Median readers per review."),
  }),
  reviews: z.array(z.object({ id: z.string(), title: z.string(), team: z.string(), publishedAt: day, readers: int, visits: int, share })).describe("Most read first."),
});

export const leadTimeMetricSchema = metric({
  summary: z.object({ done: int, ...leadStat }).describe("Actions done in the period: agreed → done, continuous percentiles."),
  teams: z.array(z.object({ team: z.string(), done: int, ...leadStat })),
  series: z.array(z.object({ bucket: day, done: int, ...leadStat })),
});

export const frequencyMetricSchema = metric({
  summary: z.object({ done: int, weeks: int, perWeek: n, weeksWithNone: int }),
  weeks: z.array(z.object({ week: day, total: int, ...perKind })).describe("Actions done per week, by kind."),
});

export const openActionsMetricSchema = metric({
  summary: z.object({ open: int, overdue: int, byPriority: perPriority, asOf: day.describe("The day the counts are for: the period's last day.") }),
  teams: z.array(z.object({ team: z.string(), slug: z.string(), open: int, overdue: int, byPriority: perPriority })),
});

const publishStat = { reviews: int, ...leadStat };
export const timeToPublishMetricSchema = metric({
  summary: z.object(publishStat).describe("Incident resolved → review published."),
  teams: z.array(z.object({ team: z.string(), ...publishStat })),
  series: z.array(z.object({ bucket: day, ...publishStat })),
});

export const findingsMetricSchema = metric({
  summary: z.object({
    findings: int,
    reviews: int,
    byCategory: z.object(perCategory),
    beyondTechnical: share.describe("Human & organisational factors, knowledge gaps and surprises ÷ all findings except what went well."),
  }),
  series: z.array(z.object({ bucket: day, total: int, ...perCategory })),
});

const participationCounts = { reviews: int, responders: int, submitted: int.describe("Accounts submitted before the reveal."), share };
export const participationMetricSchema = metric({
  summary: z.object(participationCounts),
  series: z.array(z.object({ bucket: day, ...participationCounts })),
});

export const subscriptionSchema = z.object({
  id: z.string(),
  kind: z.enum(SUBSCRIPTION_KINDS),
  value: z.string().describe("The team's id, or the service or tag (lower case)."),
  label: z.string().describe("The team's name, or the service or tag."),
  team: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  createdAt: dateTime,
});
export const subscriptionListSchema = z.array(subscriptionSchema);

export const importResultSchema = z.object({
  formatVersion: int,
  exportedAt: z.string(),
  rows: z.record(z.string(), int).describe("Rows imported per table."),
});

export const INSIGHT_RESPONSE_SCHEMA_NAMES: [z.ZodType, string][] = [
  [readersMetricSchema, "ReadersMetric"],
  [leadTimeMetricSchema, "LeadTimeMetric"],
  [frequencyMetricSchema, "FrequencyMetric"],
  [openActionsMetricSchema, "OpenActionsMetric"],
  [timeToPublishMetricSchema, "TimeToPublishMetric"],
  [findingsMetricSchema, "FindingsMetric"],
  [participationMetricSchema, "ParticipationMetric"],
  [subscriptionSchema, "Subscription"],
  [subscriptionListSchema, "SubscriptionList"],
  [importResultSchema, "ImportResult"],
];
