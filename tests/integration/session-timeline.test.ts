/**
 * The session's timeline against a real database: the merged view with attribution,
 * anonymisation and divergences; promoting, adding, editing, deleting and merging shared entries
 * and marking key moments — each with its audit event and live event — and bad input refused
 * with the stored data unchanged.
 */
import { describe, expect, it } from "vitest";
import { apiAddToSharedTimelineSchema, apiMergeSharedEntriesSchema, apiUpdateSharedEntrySchema } from "../../lib/api/operations/session";
import { db } from "../../lib/db/client";
import { addSharedEntry } from "../../lib/timeline/add-shared-entry";
import { deleteSharedEntry } from "../../lib/timeline/delete-shared-entry";
import { listTimeline } from "../../lib/timeline/list-timeline";
import { markKeyMoment } from "../../lib/timeline/mark-key-moment";
import { mergeSharedEntries } from "../../lib/timeline/merge-shared-entries";
import { promoteTimelineEntry } from "../../lib/timeline/promote-timeline-entry";
import { updateSharedEntry } from "../../lib/timeline/update-shared-entry";
import { buildFinding, buildSharedEntry } from "../support/factories";
import { auditOf, buildSession, collectEvents } from "./session-fixtures";

const sharedOf = (reviewId: string) => db().timelineEntry.findMany({ where: { reviewId, accountId: null }, orderBy: { id: "asc" } });
const rejects = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });
const ago = (min: number) => new Date(Date.now() - min * 60_000);

describe("the merged timeline", () => {
  it("interleaves revealed accounts' entries by time, attributed, with their divergences — and leaves unrevealed accounts out", async () => {
    const fx = await buildSession("GROUP");
    const view = await listTimeline(fx.actors.facilitator, fx.reviewId);
    const e = fx.entries;
    expect(view.merged.entries.map((x) => x.id)).toEqual([e.a1.id, e.b1.id, e.a2.id, e.b2.id]);
    expect(view.merged.entries[0]!.author).toEqual({ id: fx.users.responder.id, name: fx.users.responder.name, label: "Responder A" });
    expect(view.merged.divergences.map((d) => [d.kind, d.entryIds])).toEqual([
      ["DESCRIBED_DIFFERENTLY", [e.a1.id, e.b1.id]],
      ["GAP", [e.a2.id, e.b2.id]],
    ]);
    expect(view.merged.divergences[0]!.summary).toMatch(new RegExp(`^${fx.users.responder.name} and ${fx.second.name} describe \\d\\d:\\d\\d differently$`));
    expect(view.merged.entries[0]!.divergenceIds).toEqual([view.merged.divergences[0]!.id]);
    expect(JSON.stringify(view)).not.toContain(fx.markers.removed);
    expect(view.personalTimelines).toBe(true);
  });

  it("shows anonymised authors as Responder A/B to everyone but admins, and to each author their own entries as theirs", async () => {
    const fx = await buildSession("GROUP", { anonymise: true });
    const names = async (who: typeof fx.actors.facilitator) => (await listTimeline(who, fx.reviewId)).merged.entries.map((x) => [x.author.name, x.author.id, x.own]);
    expect(await names(fx.actors.facilitator)).toEqual([
      ["Responder A", null, false],
      ["Responder B", null, false],
      ["Responder A", null, false],
      ["Responder B", null, false],
    ]);
    expect((await names(fx.actors.responder))[0]).toEqual([fx.users.responder.name, fx.users.responder.id, true]);
    expect((await names(fx.actors.responder))[1]).toEqual(["Responder B", null, false]);
    expect((await names(fx.actors.admin))[1]).toEqual([fx.second.name, fx.second.id, false]);
    const facilitatorView = await listTimeline(fx.actors.facilitator, fx.reviewId);
    expect(facilitatorView.merged.divergences[0]!.summary).toMatch(/^Responder A and Responder B describe/);
    expect(JSON.stringify(facilitatorView)).not.toContain(fx.second.name!);
  });

  it("shows the shared timeline with its findings, comments and sources, and which personal entries were promoted", async () => {
    const fx = await buildSession("GROUP");
    const shared = await buildSharedEntry({ reviewId: fx.reviewId, sourceEntryIds: [fx.entries.a1.id] });
    const finding = await buildFinding({ reviewId: fx.reviewId, evidenceEntryIds: [shared.id] });
    await db().comment.create({ data: { reviewId: fx.reviewId, targetType: "TIMELINE_ENTRY", targetId: shared.id, body: "Hm", authorId: fx.users.facilitator.id } });
    const view = await listTimeline(fx.actors.observer, fx.reviewId);
    expect(view.shared).toEqual([expect.objectContaining({ id: shared.id, findingIds: [finding.id], commentCount: 1, sourceEntryIds: [fx.entries.a1.id] })]);
    expect(view.merged.entries.find((x) => x.id === fx.entries.a1.id)!.promotedTo).toEqual([shared.id]);
    expect(view.abilities).toMatchObject({ read: true, contribute: false, comment: false });
  });
});

describe("promoting a personal entry", () => {
  it("copies it into the shared timeline with its source, audited and announced", async () => {
    const fx = await buildSession("GROUP");
    const live = collectEvents(fx.reviewId);
    const entry = await promoteTimelineEntry(fx.actors.responder, fx.reviewId, { promoteEntryId: fx.entries.b1.id, keyMoment: "DETECTION" });
    live.stop();
    expect(entry).toMatchObject({ description: fx.entries.b1.description, kind: "OBSERVATION", occurredAt: fx.entries.b1.occurredAt, keyMoment: "DETECTION", sourceEntryIds: [fx.entries.b1.id] });
    expect(await db().timelineEntry.findUniqueOrThrow({ where: { id: fx.entries.b1.id } })).toEqual(fx.entries.b1);
    expect(live.events).toEqual([{ type: "timeline.changed", reviewId: fx.reviewId, ids: [entry.id], at: expect.any(String) }]);
    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.subjectId, a.actorId, a.data])).toEqual([
      ["timeline.entry_added", entry.id, fx.users.responder.id, { via: "promoted", sourceEntryIds: [fx.entries.b1.id] }],
    ]);
  });

  it("refuses a second promotion of the same entry, unrevealed and foreign entries, and shared ones — storing nothing", async () => {
    const fx = await buildSession("GROUP");
    const other = await buildSession("GROUP");
    const first = await promoteTimelineEntry(fx.actors.facilitator, fx.reviewId, { promoteEntryId: fx.entries.a1.id });
    await expect(promoteTimelineEntry(fx.actors.facilitator, fx.reviewId, { promoteEntryId: fx.entries.a1.id })).rejects.toMatchObject({ code: "CONFLICT", details: { sharedEntryId: first.id } });
    const before = await sharedOf(fx.reviewId);
    for (const id of [fx.entries.removed.id, other.entries.a1.id, first.id, "no-such-entry"]) {
      await rejects(promoteTimelineEntry(fx.actors.facilitator, fx.reviewId, { promoteEntryId: id }), "NOT_FOUND");
    }
    expect(await sharedOf(fx.reviewId)).toEqual(before);
  });
});

describe("adding, editing and deleting shared entries", () => {
  it("adds a new entry with sources, edits it field by field, marks and unmarks a key moment, deletes it — each audited and announced", async () => {
    const fx = await buildSession("GROUP");
    const live = collectEvents(fx.reviewId);
    const added = await addSharedEntry(fx.actors.facilitator, fx.reviewId, {
      occurredAt: ago(200),
      timezone: "Europe/Berlin",
      description: "Customer reports reach support",
      kind: "COMMUNICATION",
      evidenceUrl: "https://support.example.com/t/1",
      sourceEntryIds: [fx.entries.a1.id, fx.entries.b1.id],
    });
    expect(added).toMatchObject({ keyMoment: null, sourceEntryIds: [fx.entries.a1.id, fx.entries.b1.id], evidenceUrl: "https://support.example.com/t/1", timezone: "Europe/Berlin" });

    const edited = await updateSharedEntry(fx.actors.responder, fx.reviewId, added.id, { description: "Customers report stale prices", evidenceUrl: null });
    expect(edited).toMatchObject({ description: "Customers report stale prices", evidenceUrl: null, kind: "COMMUNICATION", timezone: "Europe/Berlin" });
    expect((await markKeyMoment(fx.actors.responder, fx.reviewId, added.id, "DIAGNOSIS")).keyMoment).toBe("DIAGNOSIS");
    expect((await markKeyMoment(fx.actors.responder, fx.reviewId, added.id, null)).keyMoment).toBeNull();
    // Nothing changes: no audit, no event.
    await updateSharedEntry(fx.actors.responder, fx.reviewId, added.id, { kind: "COMMUNICATION" });

    const finding = await buildFinding({ reviewId: fx.reviewId, evidenceEntryIds: [added.id] });
    await db().comment.create({ data: { reviewId: fx.reviewId, targetType: "TIMELINE_ENTRY", targetId: added.id, body: "x" } });
    await deleteSharedEntry(fx.actors.admin, fx.reviewId, added.id);
    live.stop();
    expect(await db().timelineEntry.findUnique({ where: { id: added.id } })).toBeNull();
    expect(await db().comment.count({ where: { targetId: added.id } })).toBe(0);
    expect(await db().findingEvidence.count({ where: { findingId: finding.id } })).toBe(0);
    expect(await db().timelineEntry.count({ where: { id: { in: [fx.entries.a1.id, fx.entries.b1.id] } } })).toBe(2);

    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.data])).toEqual([
      ["timeline.entry_added", { via: "new", sourceEntryIds: [fx.entries.a1.id, fx.entries.b1.id] }],
      ["timeline.entry_updated", { fields: ["description", "evidenceUrl"] }],
      ["timeline.entry_updated", { fields: ["keyMoment"] }],
      ["timeline.entry_updated", { fields: ["keyMoment"] }],
      ["timeline.entry_deleted", {}],
    ]);
    expect(live.types()).toEqual(["timeline.changed", "timeline.changed", "timeline.changed", "timeline.changed", "timeline.changed", "findings.changed"]);
  });

  it("refuses unknown, personal and foreign entries and unrevealed sources, changing nothing", async () => {
    const fx = await buildSession("GROUP");
    const other = await buildSession("GROUP");
    const foreign = await buildSharedEntry({ reviewId: other.reviewId });
    const mine = await buildSharedEntry({ reviewId: fx.reviewId, description: "Unchanged" });
    for (const id of ["nope", fx.entries.a1.id, foreign.id]) {
      await rejects(updateSharedEntry(fx.actors.facilitator, fx.reviewId, id, { description: "Changed" }), "NOT_FOUND");
      await rejects(deleteSharedEntry(fx.actors.facilitator, fx.reviewId, id), "NOT_FOUND");
    }
    const entry = { occurredAt: ago(10), timezone: "UTC", description: "x", kind: "ACTION" as const };
    for (const source of [fx.entries.removed.id, other.entries.a1.id, mine.id, "nope"]) {
      await expect(addSharedEntry(fx.actors.facilitator, fx.reviewId, { ...entry, sourceEntryIds: [source] })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { sourceEntryIds: [expect.stringContaining(source)] },
      });
    }
    expect(await sharedOf(fx.reviewId)).toEqual([mine]);
    expect(await db().timelineEntry.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    expect(await db().timelineEntry.findUniqueOrThrow({ where: { id: fx.entries.a1.id } })).toEqual(fx.entries.a1);
  });

  it("takes input through the API's schemas only when valid: times, links, sizes, one form or the other", () => {
    const good = { occurredAt: ago(5).toISOString(), description: "Paged", kind: "ALERT" };
    const fields = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(apiAddToSharedTimelineSchema.parse(good)).toMatchObject({ add: { description: "Paged", kind: "ALERT", timezone: "UTC" } });
    expect(apiAddToSharedTimelineSchema.parse({ promoteEntryId: "e1", keyMoment: "REPAIR" })).toEqual({ promote: { promoteEntryId: "e1", keyMoment: "REPAIR" } });
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }))).toEqual(["occurredAt"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, occurredAt: "1999-12-31T23:00:00Z" }))).toEqual(["occurredAt"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, occurredAt: "yesterday at five" }))).toEqual(["occurredAt"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, evidenceUrl: "javascript:alert(1)" }))).toEqual(["evidenceUrl"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, description: "x".repeat(2001) }))).toEqual(["description"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, timezone: "Mars/Olympus" }))).toEqual(["timezone"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({}))).toEqual(["occurredAt", "description", "kind"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ promoteEntryId: "e1", description: "also" }))).toEqual(["description"]);
    expect(fields(apiAddToSharedTimelineSchema.safeParse({ ...good, keyMoment: "ROOT_CAUSE" }))).toEqual(["keyMoment"]);
    expect(fields(apiUpdateSharedEntrySchema.safeParse({}))).toEqual([""]);
    expect(fields(apiUpdateSharedEntrySchema.safeParse({ evidenceUrl: "javascript:alert(1)" }))).toEqual(["evidenceUrl"]);
    expect(apiUpdateSharedEntrySchema.parse({ keyMoment: null })).toEqual({ keyMoment: null });
    expect(fields(apiMergeSharedEntriesSchema.safeParse({ entryIds: ["a"] }))).toEqual(["entryIds"]);
    expect(fields(apiMergeSharedEntriesSchema.safeParse({ entryIds: ["a", "a"] }))).toEqual(["entryIds"]);
  });
});

describe("merging duplicates", () => {
  it("keeps the earliest entry with the union of sources, findings and comments, deletes the rest, audited and announced", async () => {
    const fx = await buildSession("GROUP");
    const early = await buildSharedEntry({ reviewId: fx.reviewId, occurredAt: ago(120), description: "Alert fired", sourceEntryIds: [fx.entries.a1.id] });
    const late = await buildSharedEntry({ reviewId: fx.reviewId, occurredAt: ago(118), description: "Paged by the alert", sourceEntryIds: [fx.entries.b1.id], keyMoment: "DETECTION" });
    const third = await buildSharedEntry({ reviewId: fx.reviewId, occurredAt: ago(119), sourceEntryIds: [fx.entries.a1.id] });
    const f1 = await buildFinding({ reviewId: fx.reviewId, evidenceEntryIds: [early.id] });
    const f2 = await buildFinding({ reviewId: fx.reviewId, evidenceEntryIds: [late.id, early.id] });
    const comment = await db().comment.create({ data: { reviewId: fx.reviewId, targetType: "TIMELINE_ENTRY", targetId: late.id, body: "same thing?" } });
    const live = collectEvents(fx.reviewId);
    const merged = await mergeSharedEntries(fx.actors.responder, fx.reviewId, { entryIds: [late.id, third.id, early.id] });
    live.stop();
    expect(merged.mergedEntryIds.sort()).toEqual([late.id, third.id].sort());
    expect(merged.entry).toMatchObject({ id: early.id, occurredAt: early.occurredAt, description: "Alert fired", keyMoment: "DETECTION", commentCount: 1 });
    expect(merged.entry.sourceEntryIds.sort()).toEqual([fx.entries.a1.id, fx.entries.b1.id].sort());
    expect(merged.entry.findingIds.sort()).toEqual([f1.id, f2.id].sort());
    expect(await sharedOf(fx.reviewId)).toHaveLength(1);
    expect((await db().comment.findUniqueOrThrow({ where: { id: comment.id } })).targetId).toBe(early.id);
    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.subjectId])).toEqual([["timeline.entries_merged", early.id]]);
    expect(live.types()).toEqual(["timeline.changed", "findings.changed", "comments.changed"]);
  });

  it("takes the time and wording given, and refuses unknown or foreign entries leaving all as they were", async () => {
    const fx = await buildSession("GROUP");
    const other = await buildSession("GROUP");
    const [x, y] = [await buildSharedEntry({ reviewId: fx.reviewId, occurredAt: ago(60) }), await buildSharedEntry({ reviewId: fx.reviewId, occurredAt: ago(50) })];
    const foreign = await buildSharedEntry({ reviewId: other.reviewId });
    for (const bad of ["nope", foreign.id, fx.entries.a1.id]) {
      await expect(mergeSharedEntries(fx.actors.facilitator, fx.reviewId, { entryIds: [x.id, bad] })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { entryIds: [expect.stringContaining(bad)] } });
    }
    expect(await sharedOf(fx.reviewId)).toEqual([x, y].sort((a, b) => a.id.localeCompare(b.id)));
    const at = ago(55);
    const merged = await mergeSharedEntries(fx.actors.facilitator, fx.reviewId, { entryIds: [x.id, y.id], occurredAt: at, description: "One event", kind: "DECISION", keyMoment: "REPAIR" });
    expect(merged.entry).toMatchObject({ occurredAt: at, description: "One event", kind: "DECISION", keyMoment: "REPAIR" });
  });
});
