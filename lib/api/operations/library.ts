/**
 * REST API v1 operations of the learning library and published reports (merged into `operations`
 * in ../operations.ts). The rules (lib/policies/library.ts) in short: the library searches the
 * published reviews you may read — per each review's visibility, the same rule as everywhere —
 * and never holds account content; a report is read by whoever may see the published review (its
 * participants and admins read a preview from the reveal on); the facilitator or an admin writes
 * the report's details and publishes, once the publish checklist is met.
 */
import { z } from "zod";
import { exportReportSchema } from "../../library/export-report";
import { publishReviewSchema } from "../../library/publish-review";
import { searchLibrarySchema } from "../../library/search-library";
import { updateReportDetailsSchema } from "../../library/update-report-details";
import { operation, reviewParams } from "../operation";
import { errorResponseSchema } from "../responses";
import { checklistSchema, libraryFiltersSchema, librarySearchSchema, relatedReviewListSchema, reportSchema, similarReviewsSchema } from "../responses/library";

const tag = "Library" as const;
const auth = "token-or-session" as const;
const reads = "Whoever may see the published review (per its visibility); its participants and admins also read a preview from the reveal (GROUP) on. 404 for anyone else.";
const unmet = {
  description:
    "CONFLICT: the review is not in action planning, or the publish checklist is not met. Then `details.unmet` lists each missing item — `{ id, label, detail, href }` — and nothing was stored.",
  schema: errorResponseSchema,
};

export const libraryOperations = {
  searchLibrary: operation({
    operationId: "searchLibrary",
    method: "GET",
    path: "/api/v1/library/search",
    tag,
    summary: "Search published reviews",
    description:
      "Full-text search over the titles, summaries, impact, tags, services, findings, shared timelines and narratives of the published reviews you may read — never accounts. " +
      "Any query is accepted (quotes, operators, emoji, very long text): it finds something or nothing, never an error. Ranked by relevance (ts_rank_cd) unless `sort` says otherwise; " +
      "each result has a highlighted snippet as parts. Filters combine; dates outside 1970–2100, or a start after the end, are refused (400).",
    auth,
    query: searchLibrarySchema,
    status: 200,
    response: librarySearchSchema,
    responseDescription: "A page of results.",
    errors: [],
  }),
  getLibraryFilters: operation({
    operationId: "getLibraryFilters",
    method: "GET",
    path: "/api/v1/library/filters",
    tag,
    summary: "The library's filter values",
    description: "Teams, services and tags that occur in the published reviews you may read, with counts; finding categories and severities.",
    auth,
    status: 200,
    response: libraryFiltersSchema,
    responseDescription: "The values.",
    errors: [],
  }),
  getSimilarToMyServices: operation({
    operationId: "getSimilarToMyServices",
    method: "GET",
    path: "/api/v1/library/similar",
    tag,
    summary: "Other teams' reviews touching your services",
    description: "Published reviews of other teams that touch services your teams had incidents with in the last year, newest first.",
    auth,
    query: z.object({ limit: z.coerce.number().int().min(1).max(24).default(6) }),
    status: 200,
    response: similarReviewsSchema,
    responseDescription: "Your services and the reviews.",
    errors: [],
  }),
  getLibraryReview: operation({
    operationId: "getLibraryReview",
    method: "GET",
    path: "/api/v1/library/reviews/{id}",
    tag,
    summary: "A published review's report",
    description: "Summary, impact, incident facts, shared timeline with key moments, narrative, findings by category, actions with their live status, participants (anonymised where the review says so) and the blameless statement. 404 unless published and readable by you.",
    auth,
    params: reviewParams,
    status: 200,
    response: reportSchema,
    responseDescription: "The report.",
    errors: ["NOT_FOUND"],
  }),
  listRelatedReviews: operation({
    operationId: "listRelatedReviews",
    method: "GET",
    path: "/api/v1/library/reviews/{id}/related",
    tag,
    summary: "Related reviews",
    description: "Other published reviews you may read that share services, tags or finding categories with this one, or use similar words; each says why.",
    auth,
    params: reviewParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }),
    status: 200,
    response: relatedReviewListSchema,
    responseDescription: "Up to `limit` reviews, most related first.",
    errors: ["NOT_FOUND"],
  }),
  getReport: operation({
    operationId: "getReport",
    method: "GET",
    path: "/api/v1/reviews/{id}/report",
    tag,
    summary: "A review's report (or its preview)",
    description: `As getLibraryReview, with \`published: false\` for a preview before publication. ${reads} 409 for participants before the reveal.`,
    auth,
    params: reviewParams,
    status: 200,
    response: reportSchema,
    responseDescription: "The report.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  updateReport: operation({
    operationId: "updateReport",
    method: "PATCH",
    path: "/api/v1/reviews/{id}/report",
    tag,
    summary: "Write the report's summary, impact, tags and audience",
    description:
      "Send only what changes; `sensitiveReviewed: true` records that you checked the report for sensitive content. During action planning, and after publication as a correction (the library is updated at once). The facilitator or an admin.",
    auth,
    params: reviewParams,
    body: updateReportDetailsSchema,
    status: 200,
    response: reportSchema,
    responseDescription: "The report as saved.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  getPublishChecklist: operation({
    operationId: "getPublishChecklist",
    method: "GET",
    path: "/api/v1/reviews/{id}/report/checklist",
    tag,
    summary: "The publish checklist",
    description:
      "Narrative written, findings present, every finding with an action or a recorded “no action needed” reason (what went well needs neither), a summary, and the sensitive-content confirmation. The facilitator or an admin, from action planning.",
    auth,
    params: reviewParams,
    status: 200,
    response: checklistSchema,
    responseDescription: "Each item, met or not, with where to fix it.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  publishReview: operation({
    operationId: "publishReview",
    method: "POST",
    path: "/api/v1/reviews/{id}/report/publish",
    tag,
    summary: "Publish a review",
    description:
      "Saves the summary, impact, tags and audience with the sensitive-content confirmation and moves the review to PUBLISHED, in one step: when the checklist is not met nothing is stored (409 with `details.unmet`). The same checklist guards `POST /api/v1/reviews/{id}/phase` to PUBLISHED. The facilitator or an admin.",
    auth,
    params: reviewParams,
    body: publishReviewSchema,
    status: 200,
    response: reportSchema,
    responseDescription: "The published report.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
    errorResponses: { 409: unmet },
  }),
  exportReport: operation({
    operationId: "exportReport",
    method: "GET",
    path: "/api/v1/reviews/{id}/export",
    tag,
    summary: "Download the report as Markdown or PDF",
    description: `\`format=md\` answers \`text/markdown\`, \`format=pdf\` answers \`application/pdf\`, as an attachment named after the review. ${reads}`,
    auth,
    params: reviewParams,
    query: exportReportSchema,
    status: 200,
    responseDescription: "The file (text/markdown; charset=utf-8, or application/pdf).",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
};
