/**
 * The findings board against a real database: every category, creating with evidence, editing,
 * linking and unlinking supporting shared entries, deleting — audited and announced — blameless
 * hints, and bad input refused with the stored data unchanged.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { FINDING_CATEGORY_LABEL } from "../../lib/findings/categories";
import { createFinding, createFindingSchema } from "../../lib/findings/create-finding";
import { deleteFinding } from "../../lib/findings/delete-finding";
import { linkFindingEvidence } from "../../lib/findings/link-finding-evidence";
import { listFindings } from "../../lib/findings/list-findings";
import { unlinkFindingEvidence } from "../../lib/findings/unlink-finding-evidence";
import { updateFinding, updateFindingSchema } from "../../lib/findings/update-finding";
import { buildFinding, buildSharedEntry } from "../support/factories";
import { auditOf, buildSession, collectEvents } from "./session-fixtures";

const evidenceOf = async (findingId: string) => (await db().findingEvidence.findMany({ where: { findingId } })).map((e) => e.timelineEntryId).sort();

describe("the findings board", () => {
  it("lists all five categories in order — contributing factors, never a root cause — with findings, evidence and hints", async () => {
    const fx = await buildSession("GROUP");
    const entry = await buildSharedEntry({ reviewId: fx.reviewId });
    const created = await createFinding(fx.actors.responder, fx.reviewId, {
      category: "CONTRIBUTING_HUMAN",
      title: "Alerts routed to a channel nobody reads",
      description: "The on-call engineer should have checked the legacy channel.",
      evidenceEntryIds: [entry.id, entry.id],
    });
    await db().comment.create({ data: { reviewId: fx.reviewId, targetType: "FINDING", targetId: created.id, body: "agreed" } });
    const board = await listFindings(fx.actors.observer, fx.reviewId);
    expect(board.categories.map((c) => [c.category, c.label])).toEqual([
      ["CONTRIBUTING_TECHNICAL", "Contributing factor (technical)"],
      ["CONTRIBUTING_HUMAN", "Contributing factor (human & organisational)"],
      ["KNOWLEDGE_GAP", "Knowledge gap"],
      ["OPERATIONAL_SURPRISE", "Operational surprise"],
      ["WENT_WELL", "What went well"],
    ]);
    expect(JSON.stringify(board).toLowerCase()).not.toContain("root cause");
    expect(Object.values(FINDING_CATEGORY_LABEL).join(" ").toLowerCase()).not.toContain("root");
    const human = board.categories[1]!.findings;
    expect(human).toEqual([expect.objectContaining({ id: created.id, evidenceEntryIds: [entry.id], commentCount: 1 })]);
    expect(human[0]!.hints).toEqual([expect.objectContaining({ field: "description", ruleId: "counterfactual", phrase: "should have" })]);
    expect(board.categories[0]!.findings).toEqual([]);
  });

  it("edits, links and unlinks evidence and deletes — each audited and announced, no-ops quiet", async () => {
    const fx = await buildSession("GROUP");
    const [e1, e2] = [await buildSharedEntry({ reviewId: fx.reviewId }), await buildSharedEntry({ reviewId: fx.reviewId })];
    const live = collectEvents(fx.reviewId);
    const f = await createFinding(fx.actors.facilitator, fx.reviewId, { category: "KNOWLEDGE_GAP", title: "Lag graph unknown", description: "", evidenceEntryIds: [e1.id] });
    const edited = await updateFinding(fx.actors.responder, fx.reviewId, f.id, { category: "OPERATIONAL_SURPRISE", title: "Lag graph hard to find", link: [e2.id], unlink: [e1.id] });
    expect(edited).toMatchObject({ category: "OPERATIONAL_SURPRISE", title: "Lag graph hard to find", evidenceEntryIds: [e2.id] });
    await linkFindingEvidence(fx.actors.admin, fx.reviewId, f.id, e1.id);
    expect(await evidenceOf(f.id)).toEqual([e1.id, e2.id].sort());
    await unlinkFindingEvidence(fx.actors.admin, fx.reviewId, f.id, e2.id);
    expect(await evidenceOf(f.id)).toEqual([e1.id]);
    await updateFinding(fx.actors.admin, fx.reviewId, f.id, { title: "Lag graph hard to find", link: [e1.id], unlink: [e2.id] }); // nothing changes
    await deleteFinding(fx.actors.facilitator, fx.reviewId, f.id);
    live.stop();
    expect(await db().finding.findUnique({ where: { id: f.id } })).toBeNull();
    expect(await db().timelineEntry.count({ where: { id: { in: [e1.id, e2.id] } } })).toBe(2);
    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.data])).toEqual([
      ["finding.created", { category: "KNOWLEDGE_GAP" }],
      ["finding.updated", { fields: ["category", "title", "evidence"] }],
      ["finding.updated", { fields: ["evidence"] }],
      ["finding.updated", { fields: ["evidence"] }],
      ["finding.deleted", { category: "OPERATIONAL_SURPRISE" }],
    ]);
    expect(live.types()).toEqual(["findings.changed", "findings.changed", "findings.changed", "findings.changed", "findings.changed"]);
  });

  it("refuses evidence that is not a shared entry of this review, unknown findings and foreign ones, changing nothing", async () => {
    const fx = await buildSession("GROUP");
    const other = await buildSession("GROUP");
    const foreignEntry = await buildSharedEntry({ reviewId: other.reviewId });
    const foreignFinding = await buildFinding({ reviewId: other.reviewId, title: "Theirs" });
    const mine = await buildFinding({ reviewId: fx.reviewId, title: "Mine" });
    for (const bad of [foreignEntry.id, fx.entries.a1.id, "nope"]) {
      await expect(createFinding(fx.actors.facilitator, fx.reviewId, { category: "WENT_WELL", title: "x", description: "", evidenceEntryIds: [bad] })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { evidenceEntryIds: [expect.stringContaining(bad)] },
      });
      await expect(updateFinding(fx.actors.facilitator, fx.reviewId, mine.id, { title: "Changed", link: [bad] })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { link: expect.any(Array) } });
    }
    for (const id of [foreignFinding.id, "nope"]) {
      await expect(updateFinding(fx.actors.facilitator, fx.reviewId, id, { title: "Changed" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deleteFinding(fx.actors.facilitator, fx.reviewId, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db().finding.findMany({ where: { reviewId: fx.reviewId } })).toEqual([mine]);
    expect((await db().finding.findUniqueOrThrow({ where: { id: foreignFinding.id } })).title).toBe("Theirs");
    expect(await auditOf(fx.reviewId)).toEqual([]);
  });

  it("validates input at the boundary: categories, sizes, at least one change", () => {
    const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(createFindingSchema.parse({ category: "WENT_WELL", title: " Runbook helped " })).toEqual({ category: "WENT_WELL", title: "Runbook helped", description: "", evidenceEntryIds: [] });
    expect(paths(createFindingSchema.safeParse({ category: "ROOT_CAUSE", title: "x" }))).toEqual(["category"]);
    expect(paths(createFindingSchema.safeParse({ category: "WENT_WELL", title: "  " }))).toEqual(["title"]);
    expect(paths(createFindingSchema.safeParse({ category: "WENT_WELL", title: "x".repeat(201), description: "y".repeat(5001) }))).toEqual(["title", "description"]);
    expect(paths(createFindingSchema.safeParse({ category: "WENT_WELL", title: "x", evidenceEntryIds: Array.from({ length: 51 }, (_, i) => `e${i}`) }))).toEqual(["evidenceEntryIds"]);
    expect(paths(updateFindingSchema.safeParse({}))).toEqual([""]);
  });
});
