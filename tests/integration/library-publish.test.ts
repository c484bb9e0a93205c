import { describe, expect, it } from "vitest";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { db } from "../../lib/db/client";
import { getPublishState } from "../../lib/library/get-publish-state";
import { publishReview, publishReviewSchema } from "../../lib/library/publish-review";
import { updateReportDetails } from "../../lib/library/update-report-details";
import { moveReviewPhase } from "../../lib/reviews/move-review-phase";
import { buildCast, buildFinding, uid } from "../support/factories";
import { buildPublishableReview, writeNarrative } from "./library-fixtures";

/** As the API receives it: tags are normalised by the schema. */
const details = publishReviewSchema.parse({ summary: "What happened and what we learned.", impact: "Checkout failed for 10 minutes.", tags: ["TLS", "on call", "tls"], visibility: "TEAM", sensitiveReviewed: true });

/** Everything publication could change, to compare before and after a refusal. */
async function snapshot(reviewId: string) {
  const review = await db().review.findUniqueOrThrow({ where: { id: reviewId } });
  return {
    review,
    events: await db().auditEvent.count({ where: { reviewId } }),
    document: await db().reviewSearchDocument.findUnique({ where: { reviewId } }),
  };
}

describe("the publish checklist", () => {
  it("lists every unmet item with where to fix it, and the move to PUBLISHED is refused (409) with nothing stored", async () => {
    const { review, actors } = await buildCast("ACTION_PLANNING");
    const state = await getPublishState(actors.facilitator, review.id);
    expect(state.checklist.map((i) => [i.id, i.met])).toEqual([
      ["narrative", false],
      ["findings", false],
      ["finding-actions", false],
      ["summary", false],
      ["sensitive", false],
    ]);
    expect(state.checklist.find((i) => i.id === "narrative")!.href).toBe(`/reviews/${review.id}/session?tab=narrative`);
    const before = await snapshot(review.id);

    // Through the plain phase move, and through publishReview with all the details: both refused, both store nothing.
    const moved = moveReviewPhase(actors.facilitator, review.id, { to: "PUBLISHED" });
    await expect(moved).rejects.toMatchObject({ code: "CONFLICT", details: { unmet: expect.arrayContaining([expect.objectContaining({ id: "narrative" })]) } });
    const published = publishReview(actors.facilitator, review.id, details);
    await expect(published).rejects.toMatchObject({ code: "CONFLICT" });
    const error = (await published.catch((e: unknown) => e)) as { message: string; details: { unmet: { id: string }[] } };
    expect(error.message).toContain("Still to do: write the narrative; name the findings; give every finding an action or a reason for none.");
    expect(error.details.unmet.map((u) => u.id)).toEqual(["narrative", "findings", "finding-actions"]);
    expect(await snapshot(review.id)).toEqual(before);
  });

  it("needs an action or a reason for each finding except what went well", async () => {
    const { review, actors } = await buildCast("ACTION_PLANNING");
    await writeNarrative(review.id, "We wrote the narrative.");
    const open = await buildFinding({ reviewId: review.id, title: "Retries amplified the load", category: "CONTRIBUTING_TECHNICAL" });
    await buildFinding({ reviewId: review.id, title: "The runbook helped", category: "WENT_WELL" });
    let items = (await getPublishState(actors.facilitator, review.id)).checklist;
    expect(items.find((i) => i.id === "finding-actions")).toMatchObject({ met: false, detail: expect.stringContaining("“Retries amplified the load”") });
    await expect(publishReview(actors.facilitator, review.id, details)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("give every finding") });
    await db().finding.update({ where: { id: open.id }, data: { noActionReason: "An accepted risk.", noActionAt: new Date() } });
    items = (await getPublishState(actors.facilitator, review.id)).checklist;
    expect(items.every((i) => i.met || i.id === "summary" || i.id === "sensitive")).toBe(true);
  });

  it("publishes with summary, impact, tags and audience in one step, builds the search document and audits", async () => {
    const { review, actors } = await buildPublishableReview();
    const published = await publishReview(actors.facilitator, review.id, details);
    expect(published.phase).toBe("PUBLISHED");
    const after = await db().review.findUniqueOrThrow({ where: { id: review.id } });
    expect(after).toMatchObject({ summary: details.summary, impact: details.impact, tags: ["tls", "on-call"], visibility: "TEAM" });
    expect(after.sensitiveReviewedAt).not.toBeNull();
    expect(after.publishedAt).not.toBeNull();
    const doc = await db().reviewSearchDocument.findUniqueOrThrow({ where: { reviewId: review.id } });
    expect(doc).toMatchObject({ title: after.title, summary: details.summary, tags: ["tls", "on-call"] });
    const events = await db().auditEvent.findMany({ where: { reviewId: review.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["review.report_updated", actors.facilitator.id],
      ["review.phase_changed", actors.facilitator.id],
    ]);
    expect(events[0]!.data).toEqual({ fields: ["summary", "impact", "tags", "visibility", "sensitiveReviewed"], published: false });
  });

  it("lets only the facilitator or an admin publish; others get 403, outsiders 404; the wrong phase 409", async () => {
    const { review, actors } = await buildPublishableReview();
    for (const who of ["responder", "observer", "teamMember", "pm"] as const) {
      await expect(publishReview(actors[who], review.id, details), who).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateReportDetails(actors[who], review.id, { summary: "x" }), who).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(publishReview(actors.outsider, review.id, details)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const early = await buildCast("GROUP");
    await expect(publishReview(early.actors.facilitator, early.review.id, details)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(getPublishState(early.actors.facilitator, early.review.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(publishReview(actors.admin, review.id, details)).resolves.toMatchObject({ phase: "PUBLISHED" });
  });

  it("refuses a publication without summary or confirmation at the boundary, and an empty saved summary in the checklist", async () => {
    const bad = publishReviewSchema.safeParse({ summary: "x", visibility: "TEAM", sensitiveReviewed: "false" });
    expect(bad.success).toBe(false);
    const { review, actors } = await buildPublishableReview();
    await updateReportDetails(actors.facilitator, review.id, { sensitiveReviewed: true });
    await expect(moveReviewPhase(actors.facilitator, review.id, { to: "PUBLISHED" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { unmet: [expect.objectContaining({ id: "summary" })] },
    });
    await updateReportDetails(actors.facilitator, review.id, { summary: "Now written." });
    await expect(moveReviewPhase(actors.facilitator, review.id, { to: "PUBLISHED" })).resolves.toMatchObject({ phase: "PUBLISHED" });
    expect(await db().reviewSearchDocument.count({ where: { reviewId: review.id } })).toBe(1);
  });

  it("keeps the search document current when the published report's details are corrected", async () => {
    const { review, actors } = await buildPublishableReview();
    await publishReview(actors.facilitator, review.id, details);
    const marker = `corrected${uid()}`;
    const result = await updateReportDetails(actors.facilitator, review.id, { summary: `A ${marker} summary.`, tags: ["database"] });
    expect(result.fields).toEqual(["summary", "tags"]);
    const doc = await db().reviewSearchDocument.findUniqueOrThrow({ where: { reviewId: review.id } });
    expect(doc).toMatchObject({ summary: `A ${marker} summary.`, tags: ["database"] });
    const found = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ReviewSearchDocument" WHERE search @@ websearch_to_tsquery('english', ${marker})`;
    expect(Number(found[0]!.n)).toBe(1);
    const last = await db().auditEvent.findFirstOrThrow({ where: { reviewId: review.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ type: "review.report_updated", data: { fields: ["summary", "tags"], published: true } });
    // Unchanged values are no change: nothing written, nothing audited.
    const events = await db().auditEvent.count({ where: { reviewId: review.id } });
    expect((await updateReportDetails(actors.facilitator, review.id, { summary: `A ${marker} summary.` })).fields).toEqual([]);
    expect(await db().auditEvent.count({ where: { reviewId: review.id } })).toBe(events);
    expect(await db().collabDocument.count({ where: { name: narrativeDocumentName(review.id) } })).toBe(1);
  });
});
