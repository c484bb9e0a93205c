/**
 * Builders for the library's tests: a review in action planning that meets the publish checklist
 * (narrative, shared timeline, findings with an action or a "no action" reason), and the same
 * review published through the real use case, so its search document is built as in production.
 */
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { narrativeStateFromJson } from "../../lib/collaboration/narrative-snapshot";
import { db } from "../../lib/db/client";
import { docFromText, docText } from "../../lib/editor/doc";
import { publishReview } from "../../lib/library/publish-review";
import type { ReviewVisibility } from "../../lib/policies/types";
import { buildCast, buildFinding, buildSharedEntry, uid } from "../support/factories";

type Category = "CONTRIBUTING_TECHNICAL" | "CONTRIBUTING_HUMAN" | "KNOWLEDGE_GAP" | "OPERATIONAL_SURPRISE" | "WENT_WELL";

export type LibraryReviewOptions = {
  visibility?: ReviewVisibility;
  title?: string;
  narrative?: string;
  timeline?: string[];
  findings?: { title: string; category?: Category; description?: string }[];
  services?: string[];
  severity?: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  startedAt?: Date;
  anonymise?: boolean;
};

/** Stores `text` as the review's narrative (Yjs state, Tiptap JSON and plain text, as the collaboration server does). */
export async function writeNarrative(reviewId: string, text: string) {
  const json = docFromText(text);
  await db().collabDocument.upsert({
    where: { name: narrativeDocumentName(reviewId) },
    create: { name: narrativeDocumentName(reviewId), reviewId, state: Buffer.from(narrativeStateFromJson(json)), json: json as object, text: docText(json) },
    update: { state: Buffer.from(narrativeStateFromJson(json)), json: json as object, text: docText(json) },
  });
}

/** A cast (lib factories) around a review in ACTION_PLANNING whose content meets the checklist; only summary and confirmation are left. */
export async function buildPublishableReview(opts: LibraryReviewOptions = {}) {
  const cast = await buildCast("ACTION_PLANNING", opts.visibility ?? "ORGANISATION");
  const { review, incident, team } = cast;
  await db().incident.update({
    where: { id: incident.id },
    data: {
      services: opts.services ?? ["api"],
      severity: opts.severity ?? "SEV2",
      ...(opts.startedAt ? { startedAt: opts.startedAt, detectedAt: new Date(opts.startedAt.getTime() + 300_000), resolvedAt: new Date(opts.startedAt.getTime() + 3_600_000) } : {}),
    },
  });
  await db().review.update({ where: { id: review.id }, data: { revealedAt: new Date(), anonymiseAccounts: opts.anonymise ?? false, ...(opts.title ? { title: opts.title } : {}) } });
  await db().reviewParticipant.updateMany({ where: { reviewId: review.id, role: "RESPONDER" }, data: { anonymousLabel: "A" } });
  await writeNarrative(review.id, opts.narrative ?? `The group wrote this narrative ${uid()} about what happened.`);
  const entries = [];
  for (const [n, description] of (opts.timeline ?? ["Alert fired", "Service restored"]).entries()) {
    entries.push(await buildSharedEntry({ reviewId: review.id, description, occurredAt: new Date(Date.now() - (10 - n) * 600_000), keyMoment: n === 0 ? "DETECTION" : undefined }));
  }
  const findings = [];
  for (const f of opts.findings ?? [{ title: `A finding ${uid()}` }]) {
    const finding = await buildFinding({ reviewId: review.id, title: f.title, category: f.category ?? "CONTRIBUTING_TECHNICAL", evidenceEntryIds: entries.slice(0, 1).map((e) => e.id) });
    if (f.description) await db().finding.update({ where: { id: finding.id }, data: { description: f.description } });
    findings.push(finding);
  }
  // The first finding gets an action; the others a recorded "no action needed".
  const [first, ...rest] = findings;
  if (first) {
    await db().actionItem.create({
      data: {
        reviewId: review.id,
        teamId: team.id,
        title: `Add a check ${uid()}`,
        description: { type: "doc", content: [{ type: "paragraph" }] },
        rank: `a${uid()}`,
        agreedAt: new Date(),
        findings: { create: [{ findingId: first.id }] },
      },
    });
  }
  for (const f of rest) await db().finding.update({ where: { id: f.id }, data: { noActionReason: "Already fixed during the incident.", noActionAt: new Date() } });
  return { ...cast, findings, entries };
}

/** A review published through publishReview (by its facilitator), with its search document. */
export async function buildPublishedReview(opts: LibraryReviewOptions & { summary?: string; tags?: string[] } = {}) {
  const built = await buildPublishableReview(opts);
  await publishReview(built.actors.facilitator, built.review.id, {
    summary: opts.summary ?? `Summary ${uid()}.`,
    impact: "Some customers saw errors.",
    tags: opts.tags ?? [],
    visibility: opts.visibility ?? "ORGANISATION",
    sensitiveReviewed: true,
  });
  return built;
}
