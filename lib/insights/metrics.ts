/** Every metric of the Insights dashboard by name, with the loader that computes it. */
import type { Actor } from "../policies/types";
import { findingsMetric } from "./findings-by-category";
import { frequencyMetric } from "./frequency";
import { leadTimeMetric } from "./lead-time";
import type { MetricName, MetricTable } from "./metric-types";
import { openActionsMetric } from "./open-actions";
import { participationMetric } from "./participation";
import type { Period } from "./period";
import { readersMetric } from "./readers";
import { timeToPublishMetric } from "./time-to-publish";

export const METRIC_LOADERS = {
  readers: readersMetric,
  "lead-time": leadTimeMetric,
  frequency: frequencyMetric,
  "open-actions": openActionsMetric,
  "time-to-publish": timeToPublishMetric,
  findings: findingsMetric,
  participation: participationMetric,
} satisfies Record<MetricName, (actor: Actor, p: Period) => Promise<{ table: MetricTable }>>;

export type MetricData = { [K in MetricName]: Awaited<ReturnType<(typeof METRIC_LOADERS)[K]>> };

export const METRIC_TITLE: Record<MetricName, string> = {
  readers: "Review readers",
  "lead-time": "Action lead time",
  frequency: "Actions done per week",
  "open-actions": "Open and overdue actions",
  "time-to-publish": "Time to publish",
  findings: "Findings by category",
  participation: "Participation",
};
