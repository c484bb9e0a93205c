/**
 * Arranging what a review's group session produces — the narrative and a finding — straight in
 * the database (the session's own tests cover writing them through the UI and the collaboration
 * server), so tests can reach publication, whose checklist needs them.
 */
import { randomUUID } from "node:crypto";
import { narrativeDocumentName } from "../../../lib/collaboration/document-name";
import { narrativeStateFromJson } from "../../../lib/collaboration/narrative-snapshot";
import { docFromText, docText } from "../../../lib/editor/doc";
import { query } from "./database";

/** Stores `text` as the review's narrative, as the collaboration server would. */
export async function writeNarrative(reviewId: string, text: string): Promise<void> {
  const json = docFromText(text);
  await query(
    `INSERT INTO "CollabDocument" (name, "reviewId", state, json, text, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, json = EXCLUDED.json, text = EXCLUDED.text, "updatedAt" = now()`,
    [narrativeDocumentName(reviewId), reviewId, Buffer.from(narrativeStateFromJson(json)), JSON.stringify(json), docText(json)],
  );
}

/** Adds a finding; with `noActionReason` it is decided ("no action needed"). */
export async function addFinding(reviewId: string, title: string, category = "WENT_WELL", noActionReason: string | null = null): Promise<void> {
  await query(
    `INSERT INTO "Finding" (id, "reviewId", category, title, description, "noActionReason", "noActionAt", "updatedAt")
     VALUES ($1, $2, $3::"FindingCategory", $4, '', $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END, now())`,
    [`e2e${randomUUID().replace(/-/g, "")}`, reviewId, category, title, noActionReason],
  );
}

/** Everything the publish checklist asks for, including the summary and the sensitive-content confirmation. */
export async function meetPublishChecklist(reviewId: string): Promise<void> {
  await writeNarrative(reviewId, "What happened, in the group's words.");
  await addFinding(reviewId, "The runbook helped");
  await query(`UPDATE "Review" SET summary = 'A summary for the library.', "sensitiveReviewedAt" = now() WHERE id = $1`, [reviewId]);
}
