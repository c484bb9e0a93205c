/**
 * REST API v1 operations of Insights (the metrics behind the dashboard), your subscriptions, and
 * the organisation export and import (merged into `operations` in ../operations.ts).
 */
import { z } from "zod";
import { subscriptionInputSchema } from "../../follow/subscription-input";
import { exportFileSchema } from "../../export/format";
import { METRIC_TITLE } from "../../insights/metrics";
import type { MetricName } from "../../insights/metric-types";
import { insightsQuerySchema } from "../../insights/period";
import { operation, type Operation } from "../operation";
import {
  findingsMetricSchema,
  frequencyMetricSchema,
  importResultSchema,
  leadTimeMetricSchema,
  openActionsMetricSchema,
  participationMetricSchema,
  readersMetricSchema,
  subscriptionListSchema,
  subscriptionSchema,
  timeToPublishMetricSchema,
} from "../responses/insights";

export const metricQuerySchema = insightsQuerySchema.extend({
  format: z
    .preprocess((v) => (v === "" ? undefined : v), z.enum(["json", "csv"], { error: "format is json or csv." }).default("json"))
    .describe("`csv`: the metric's table as CSV (text/csv), as `/api/v1/metrics/{metric}.csv` gives it."),
});

const SCOPE =
  "Figures count only what you may see: reviews as `review:view` allows (published ones per their audience; before publication the owning team and participants), actions as `action:view` allows (your teams' actions, actions assigned to you, actions of reviews you may read). Admins see everything. " +
  "Pass `team` (a slug) for one team, `period` (30d, 90d, 180d, 365d; default 90d) or `from`/`to` (YYYY-MM-DD, inclusive, UTC; at most two years). " +
  "Add `format=csv`, or use the `.csv` path, for the table as CSV. Figures may be up to a minute old (they are cached per viewer).";

const DESCRIPTIONS: Record<MetricName, string> = {
  readers: "For each review published in the period, how many people opened its report, and the share of the organisation's active people reached.",
  "lead-time": "Improvement action lead time — agreed → done — for actions done in the period: median and p90 (continuous percentiles), per team and over time.",
  frequency: "Improvement actions done per week (Monday to Sunday, UTC), by kind.",
  "open-actions": "Open and overdue actions at the end of the period, by owning team and priority.",
  "time-to-publish": "Time from incident resolved to review published, for reviews published in the period: median, p90, per team and over time.",
  findings: "Findings of reviews published in the period, by category over time.",
  participation: "Independent accounts submitted before the reveal, as a share of the invited responders, for reviews revealed in the period.",
};

const OPERATION_ID: Record<MetricName, string> = {
  readers: "getReadersMetric",
  "lead-time": "getLeadTimeMetric",
  frequency: "getFrequencyMetric",
  "open-actions": "getOpenActionsMetric",
  "time-to-publish": "getTimeToPublishMetric",
  findings: "getFindingsMetric",
  participation: "getParticipationMetric",
};

function metricOperation<R extends z.ZodType>(metric: MetricName, response: R) {
  return operation({
    operationId: OPERATION_ID[metric],
    method: "GET",
    path: `/api/v1/metrics/${metric}`,
    tag: "Insights",
    summary: METRIC_TITLE[metric],
    description: `${DESCRIPTIONS[metric]}\n\n${SCOPE}`,
    auth: "token-or-session",
    query: metricQuerySchema,
    status: 200,
    response,
    responseDescription: "The metric (JSON), or with `format=csv` its table as CSV.",
    errors: ["NOT_FOUND"],
    errorResponses: { 400: { description: "VALIDATION_FAILED: a period out of range (e.g. `to` before `from`, more than two years) or an unknown preset." } },
  });
}

export const metricOperations = {
  readers: metricOperation("readers", readersMetricSchema),
  "lead-time": metricOperation("lead-time", leadTimeMetricSchema),
  frequency: metricOperation("frequency", frequencyMetricSchema),
  "open-actions": metricOperation("open-actions", openActionsMetricSchema),
  "time-to-publish": metricOperation("time-to-publish", timeToPublishMetricSchema),
  findings: metricOperation("findings", findingsMetricSchema),
  participation: metricOperation("participation", participationMetricSchema),
} satisfies Record<MetricName, Operation>;

export const insightOperations = {
  getReadersMetric: metricOperations.readers,
  getLeadTimeMetric: metricOperations["lead-time"],
  getFrequencyMetric: metricOperations.frequency,
  getOpenActionsMetric: metricOperations["open-actions"],
  getTimeToPublishMetric: metricOperations["time-to-publish"],
  getFindingsMetric: metricOperations.findings,
  getParticipationMetric: metricOperations.participation,
  listSubscriptions: operation({
    operationId: "listSubscriptions",
    method: "GET",
    path: "/api/v1/me/subscriptions",
    tag: "Me",
    summary: "List what you follow",
    description: "Teams, services and tags whose newly published reviews reach you in your digest (in-app, and by e-mail when the install sends e-mail) and your following feed.",
    auth: "token-or-session",
    status: 200,
    response: subscriptionListSchema,
    responseDescription: "What you follow, newest first.",
    errors: [],
  }),
  followSubscription: operation({
    operationId: "followSubscription",
    method: "POST",
    path: "/api/v1/me/subscriptions",
    tag: "Me",
    summary: "Follow a team, a service or a tag",
    description: "Idempotent: following what you already follow returns it with `created: false`. Digests carry only reviews you may see.",
    auth: "token-or-session",
    body: subscriptionInputSchema,
    status: 200,
    response: subscriptionSchema.extend({ created: z.boolean() }),
    responseDescription: "The subscription.",
    errors: ["NOT_FOUND"],
  }),
  unfollowSubscription: operation({
    operationId: "unfollowSubscription",
    method: "DELETE",
    path: "/api/v1/me/subscriptions",
    tag: "Me",
    summary: "Stop following a team, a service or a tag",
    description: "Give `kind` and `value` in the query, as when following. 404 when you do not follow it.",
    auth: "token-or-session",
    query: subscriptionInputSchema,
    status: 204,
    responseDescription: "No longer followed.",
    errors: ["NOT_FOUND"],
  }),
  exportOrganisation: operation({
    operationId: "exportOrganisation",
    method: "GET",
    path: "/api/v1/export",
    tag: "Organisation",
    summary: "Export the whole organisation (admins)",
    description:
      'One JSON document, streamed: `{ "format": "debrief-organisation-export", "version": 1, "exportedAt", "migration", "tables": { "<Table>": [rows] } }` — ' +
      "people (with password hashes, so they can sign in after a move), teams, incidents, reviews with accounts, timelines, findings, narratives, comments, actions, reads, follows, notices and the audit log. " +
      "Never API or feed token hashes, sessions, pending invitations, the e-mail outbox or tracker credentials (docs/decisions/0008-export-format.md). A consistent snapshot; audited.",
    auth: "token-or-session",
    status: 200,
    responseDescription: "The export (application/json, streamed as a download).",
    errors: ["FORBIDDEN"],
  }),
  importOrganisation: operation({
    operationId: "importOrganisation",
    method: "POST",
    path: "/api/v1/import",
    tag: "Organisation",
    summary: "Import an export into an empty install (admins)",
    description:
      "The body is a file from `GET /api/v1/export`. Only into an empty install — no teams, incidents or reviews, nobody but admins (a fresh install after its first admin was set up): " +
      "the setup's admins are replaced by the export's people, who sign in with their own passwords. One transaction: a refused import leaves nothing behind. Audited.",
    auth: "token-or-session",
    body: exportFileSchema,
    status: 200,
    response: importResultSchema,
    responseDescription: "Imported: rows per table.",
    errors: ["FORBIDDEN", "CONFLICT"],
    errorResponses: {
      400: { description: "VALIDATION_FAILED: not a Debrief export, an unsupported format version, or rows that do not fit this install's tables (`fields` names them, e.g. `tables.Review[3].phase`). Nothing was imported." },
      409: { description: "CONFLICT: the install is not empty (`details` counts what it holds), or the export comes from a newer Debrief. Nothing was imported." },
    },
  }),
};
