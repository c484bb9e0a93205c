/**
 * What the REST API returns for the library and published reports (see ../responses.ts for how
 * response schemas are used). Snippets are structured parts — `{ text, match }` — never HTML.
 */
import { z } from "zod";
import { ACTION_KINDS, ACTION_PRIORITIES, ACTION_STATUSES } from "../../action-items/action-fields";
import { FINDING_CATEGORIES } from "../../findings/categories";
import { CHECKLIST_ITEMS } from "../../library/publish-checklist";
import { VISIBILITIES } from "../../library/report-details";
import { SEVERITIES, SORTS } from "../../library/search-library";
import { TIMELINE_KINDS } from "../../responder-accounts/personal-timeline";
import { PHASES } from "../../reviews/lifecycle";
import { KEY_MOMENTS } from "../../timeline/shared-entries";
import { dateTime, docOutput } from "../wire";

const teamRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });
const severity = z.enum(SEVERITIES);
const visibility = z.enum(VISIBILITIES);

export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean().describe("True for words that match the query (show them highlighted).") });

const resultFields = {
  id: z.string().describe("The review's id."),
  title: z.string(),
  summary: z.string(),
  team: teamRef.describe("The owning team."),
  severity,
  services: z.array(z.string()),
  tags: z.array(z.string()),
  categories: z.array(z.enum(FINDING_CATEGORIES)).describe("The categories its findings fall in."),
  visibility,
  publishedAt: dateTime,
  incidentAt: dateTime.describe("When the incident started."),
};

export const libraryResultSchema = z.object({
  ...resultFields,
  rank: z.number().nullable().describe("ts_rank_cd relevance (higher is better); null without a query."),
  titleParts: z.array(snippetPartSchema).describe("The title as parts, matching words marked."),
  snippet: z.array(snippetPartSchema).describe("Where the query matched, as parts; the summary's start without a query."),
});

export const librarySearchSchema = z.object({
  query: z.string().describe("The query as searched (control characters removed, cut to 200 characters)."),
  sort: z.enum(SORTS),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int().describe("Matching reviews you may read, over all pages — counted exactly up to 1,000 (see totalCapped)."),
  totalCapped: z.boolean().describe("True when more than `total` reviews match: the count stops at 1,000 (show “1,000+”)."),
  pages: z.number().int(),
  items: z.array(libraryResultSchema),
});

export const relatedReviewListSchema = z.object({
  items: z.array(
    z.object({
      ...resultFields,
      reasons: z.object({
        services: z.array(z.string()).describe("Services both reviews touch."),
        tags: z.array(z.string()),
        categories: z.array(z.string()).describe("Finding categories both have (labels; what went well is left out)."),
        similarText: z.boolean().describe("The two use similar words."),
      }),
    }),
  ),
});

export const similarReviewsSchema = z.object({
  services: z.array(z.string()).describe("Services of your teams' incidents in the last year."),
  items: z.array(z.object({ ...resultFields, sharedServices: z.array(z.string()) })),
});

const counted = z.object({ value: z.string(), count: z.number().int() });
export const libraryFiltersSchema = z.object({
  total: z.number().int().describe("Published reviews you may read."),
  teams: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
  services: z.array(counted),
  tags: z.array(counted),
  categories: z.array(z.object({ value: z.enum(FINDING_CATEGORIES), label: z.string() })),
  severities: z.array(severity),
});

export const checklistSchema = z.object({
  ready: z.boolean().describe("The review's content is ready: what remains is the summary and the sensitive-content confirmation sent with the publication."),
  items: z.array(
    z.object({
      id: z.enum(CHECKLIST_ITEMS),
      label: z.string(),
      met: z.boolean(),
      detail: z.string(),
      href: z.string().describe("The page where it is fixed."),
    }),
  ),
});

export const reportSchema = z.object({
  id: z.string(),
  title: z.string(),
  phase: z.enum(PHASES),
  published: z.boolean().describe("False for a preview before publication."),
  publishedAt: dateTime.nullable(),
  visibility,
  summary: z.string().nullable(),
  impact: z.string().nullable(),
  tags: z.array(z.string()),
  incident: z.object({
    id: z.string(),
    title: z.string(),
    severity,
    startedAt: dateTime,
    detectedAt: dateTime,
    resolvedAt: dateTime.nullable(),
    services: z.array(z.string()),
    externalUrl: z.string().nullable(),
    team: teamRef,
  }),
  keyMoments: z.array(z.object({ entryId: z.string(), moment: z.enum(KEY_MOMENTS), label: z.string(), occurredAt: dateTime, description: z.string() })),
  timeline: z.array(
    z.object({
      id: z.string(),
      occurredAt: dateTime,
      timezone: z.string(),
      kind: z.enum(TIMELINE_KINDS),
      description: z.string(),
      keyMoment: z.enum(KEY_MOMENTS).nullable(),
      evidenceUrl: z.string().nullable(),
    }),
  ),
  narrative: docOutput.nullable().describe("The group's narrative (Tiptap JSON); null when nothing was written."),
  narrativeText: z.string(),
  findings: z.array(
    z.object({
      category: z.enum(FINDING_CATEGORIES),
      label: z.string(),
      findings: z.array(
        z.object({ id: z.string(), title: z.string(), description: z.string(), noActionReason: z.string().nullable(), actionIds: z.array(z.string()) }),
      ),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(ACTION_STATUSES).describe("Live: as the owning team's backlog has it now."),
      priority: z.enum(ACTION_PRIORITIES),
      kind: z.enum(ACTION_KINDS),
      dueDate: z.string().nullable().describe("YYYY-MM-DD."),
      overdue: z.boolean(),
      closedAt: dateTime.nullable(),
      team: teamRef,
      tracker: z.object({ key: z.string().nullable(), url: z.string() }).nullable(),
      findingIds: z.array(z.string()),
    }),
  ),
  anonymised: z.boolean().describe("Responders are named “Responder A, B…”."),
  participants: z.array(z.object({ role: z.enum(["FACILITATOR", "RESPONDER", "OBSERVER"]), name: z.string() })),
  blamelessStatement: z.string(),
});

export const LIBRARY_RESPONSE_SCHEMA_NAMES: [z.ZodType, string][] = [
  [librarySearchSchema, "LibrarySearch"],
  [libraryResultSchema, "LibraryResult"],
  [relatedReviewListSchema, "RelatedReviewList"],
  [similarReviewsSchema, "SimilarReviews"],
  [libraryFiltersSchema, "LibraryFilters"],
  [checklistSchema, "PublishChecklist"],
  [reportSchema, "Report"],
];
