/**
 * The searchable text of a published review (ReviewSearchDocument): its title, summary, impact,
 * tags and services, findings, shared timeline and narrative — what the published report shows,
 * never a responder's account. Built on publication (lib/reviews/phase-effects.ts) and rebuilt
 * when the report's details change, in the caller's transaction.
 *
 * The full-text vector is weighted so the title counts most, then the summary (with impact,
 * tags and services), then the findings, then the timeline and narrative.
 */
import { narrativeDocumentName } from "../collaboration/document-name";
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

/** Characters that mark highlights in ts_headline's output (lib/library/highlight.ts); stripped from stored text. */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

/** Longest text kept per part: a tsvector holds at most 1 MB, and snippets never need more. */
const PART_MAX = 200_000;

/** Lone UTF-16 surrogates (which JSON and PostgreSQL cannot carry) as U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Stored text: no highlight markers, no NUL, no lone surrogates, at most PART_MAX characters. */
export function cleanText(text: string, max = PART_MAX): string {
  const clean = wellFormed(text).replace(/[\uE000\uE001\u0000]/g, " ");
  return clean.length > max ? clean.slice(0, max) : clean;
}

export type SearchDocumentSource = {
  title: string;
  incidentTitle: string;
  summary: string | null;
  impact: string | null;
  tags: string[];
  services: string[];
  findings: { category: string; title: string; description: string; noActionReason: string | null }[];
  timeline: string[];
  narrativeText: string;
};

/** The four weighted parts (A–D) and the stored body the snippets are cut from. */
export function searchDocumentParts(s: SearchDocumentSource) {
  const title = s.incidentTitle && !s.title.includes(s.incidentTitle) ? `${s.title}\n${s.incidentTitle}` : s.title;
  const findings = s.findings.map((f) => [f.title, f.description, f.noActionReason ?? ""].filter(Boolean).join(". ")).join("\n");
  const about = [s.summary ?? "", s.impact ?? "", s.tags.join(" "), s.services.join(" ")].filter(Boolean).join("\n");
  const rest = [s.timeline.join("\n"), s.narrativeText].filter(Boolean).join("\n\n");
  const body = [s.impact ?? "", findings, s.timeline.join("\n"), s.narrativeText].filter(Boolean).join("\n\n");
  return {
    a: cleanText(title),
    b: cleanText(about),
    c: cleanText(findings),
    d: cleanText(rest),
    body: cleanText(body, PART_MAX * 2),
    categories: [...new Set(s.findings.map((f) => f.category))].sort(),
  };
}

type Part = string | Prisma.Sql;

/** The weighted vector of the four parts, as SQL: what matches (the bench's bulk insert uses the same expression). */
export function searchVectorSql(a: Part, b: Part, c: Part, d: Part): Prisma.Sql {
  return Prisma.sql`setweight(to_tsvector('english', ${a}), 'A') || setweight(to_tsvector('english', ${b}), 'B') || setweight(to_tsvector('english', ${c}), 'C') || setweight(to_tsvector('english', ${d}), 'D')`;
}

/**
 * The ranking vector: parts A–C only (title; summary, impact, tags, services; findings). Results
 * are ranked by where the words are in what a review is about; a review that matches only in its
 * timeline or narrative ranks after those (newest first). It stays small and in the row, so
 * ranking a common word's thousands of matches does not read their large "search" vectors.
 */
export function rankVectorSql(a: Part, b: Part, c: Part): Prisma.Sql {
  return Prisma.sql`setweight(to_tsvector('english', ${a}), 'A') || setweight(to_tsvector('english', ${b}), 'B') || setweight(to_tsvector('english', ${c}), 'C')`;
}

/** What the report shows of a review, read for its search document. */
async function loadSource(tx: Tx, reviewId: string) {
  const review = await tx.review.findUniqueOrThrow({
    where: { id: reviewId },
    select: {
      title: true,
      summary: true,
      impact: true,
      tags: true,
      visibility: true,
      publishedAt: true,
      incident: { select: { title: true, services: true, teamId: true, severity: true, startedAt: true } },
    },
  });
  // One after another: a transaction is one connection (pg would queue them, and warns that concurrent queries on one client end with pg 9).
  const findings = await tx.finding.findMany({ where: { reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { category: true, title: true, description: true, noActionReason: true } });
  const timeline = await tx.timelineEntry.findMany({ where: { reviewId, accountId: null }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { description: true } });
  const narrative = await tx.collabDocument.findUnique({ where: { name: narrativeDocumentName(reviewId) }, select: { text: true } });
  const source: SearchDocumentSource = {
    title: review.title,
    incidentTitle: review.incident.title,
    summary: review.summary,
    impact: review.impact,
    tags: review.tags,
    services: review.incident.services,
    findings,
    // Shared entries only (accountId null): personal timelines belong to accounts, which are never indexed.
    timeline: timeline.map((e) => e.description),
    narrativeText: narrative?.text ?? "",
  };
  return { review, source };
}

/**
 * Writes (or rewrites) the search document of a published review, inside `tx`. Does nothing for a
 * review that is not published: the library holds published content only.
 */
export async function upsertSearchDocument(tx: Tx, reviewId: string): Promise<void> {
  const { review, source } = await loadSource(tx, reviewId);
  if (!review.publishedAt) return;
  const p = searchDocumentParts(source);
  const i = review.incident;
  await tx.$executeRaw`
    INSERT INTO "ReviewSearchDocument"
      ("reviewId", title, summary, body, services, tags, categories, "teamId", severity, visibility, "publishedAt", "incidentAt", "updatedAt", search, "rankVector")
    VALUES (${reviewId}, ${cleanText(review.title)}, ${cleanText(review.summary ?? "")}, ${p.body}, ${i.services}::text[], ${review.tags}::text[],
            ${p.categories}::text[], ${i.teamId}, ${i.severity}, ${review.visibility}::"ReviewVisibility", ${review.publishedAt}, ${i.startedAt}, (now() AT TIME ZONE 'UTC'),
            ${searchVectorSql(p.a, p.b, p.c, p.d)}, ${rankVectorSql(p.a, p.b, p.c)})
    ON CONFLICT ("reviewId") DO UPDATE SET
      title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, services = EXCLUDED.services, tags = EXCLUDED.tags,
      categories = EXCLUDED.categories, "teamId" = EXCLUDED."teamId", severity = EXCLUDED.severity, visibility = EXCLUDED.visibility,
      "publishedAt" = EXCLUDED."publishedAt", "incidentAt" = EXCLUDED."incidentAt", "updatedAt" = EXCLUDED."updatedAt", search = EXCLUDED.search, "rankVector" = EXCLUDED."rankVector"`;
}
