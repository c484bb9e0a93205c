/**
 * Planning actions in a review against a real database: creating (bottom of the owning team's
 * backlog, findings linked, hints for vague titles), editing, agreeing one or all, status with
 * closedAt, deleting, the findings' "no action needed" decisions, progress after publication —
 * every change audited in its transaction — and bad input refused with nothing stored.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { agreeAllActions } from "../../lib/action-items/agree-all-actions";
import { clearNoAction } from "../../lib/action-items/clear-no-action";
import { createActionItem, createActionItemSchema } from "../../lib/action-items/create-action-item";
import { deleteActionItem } from "../../lib/action-items/delete-action-item";
import { getActionItem } from "../../lib/action-items/get-action-item";
import { listReviewActions } from "../../lib/action-items/list-review-actions";
import { recordNoAction } from "../../lib/action-items/record-no-action";
import { updateActionItem, updateActionItemSchema } from "../../lib/action-items/update-action-item";
import { db } from "../../lib/db/client";
import { buildFinding, buildTeam, buildUser } from "../support/factories";
import { auditTrail, buildAction, buildActionCast, doc } from "./action-fixtures";

const input = (over: Partial<z.input<typeof createActionItemSchema>> & { teamId: string }) =>
  createActionItemSchema.parse({ title: "Alert when PgBouncer wait time exceeds 2 s for 5 minutes", ...over });

describe("planning actions", () => {
  it("creates an action at the bottom of its team's backlog, linked to findings, with hints for a vague title", async () => {
    const fx = await buildActionCast();
    const first = await createActionItem(fx.actors.facilitator, fx.reviewId, input({ teamId: fx.teamId, findingIds: [fx.findings.technical.id, fx.findings.technical.id], description: doc("Page the database on-call.") }));
    const vague = await createActionItem(fx.actors.responder, fx.reviewId, input({ teamId: fx.teamId, title: "Improve monitoring", assigneeId: fx.assignee.id, priority: "HIGH", kind: "DETECTION", dueDate: "2026-12-01" }));
    expect(first).toMatchObject({ title: "Alert when PgBouncer wait time exceeds 2 s for 5 minutes", descriptionText: "Page the database on-call.", team: { id: fx.teamId }, priority: "MEDIUM", kind: "FIX", status: "OPEN", agreed: false, findingIds: [fx.findings.technical.id], hints: [], sync: { state: "LOCAL", externalKey: null } });
    expect(first.abilities).toEqual({ edit: true, updateProgress: true, prioritise: true, rank: false, push: true });
    expect(vague).toMatchObject({ assignee: { id: fx.assignee.id }, priority: "HIGH", kind: "DETECTION", dueDate: "2026-12-01" });
    expect(vague.hints).toEqual([expect.objectContaining({ kind: "vague", ruleId: "vague-improvement", phrase: "Improve monitoring" })]);
    expect(vague.rank > first.rank).toBe(true);
    expect(await auditTrail(fx.reviewId)).toEqual([
      ["action.created", { teamId: fx.teamId, findingIds: [fx.findings.technical.id] }],
      ["action.created", { teamId: fx.teamId, findingIds: [] }],
    ]);
  });

  it("edits fields, links and unlinks findings, agrees and withdraws, closes and reopens — each audited, no-ops quiet", async () => {
    const fx = await buildActionCast();
    const a = await createActionItem(fx.actors.facilitator, fx.reviewId, input({ teamId: fx.teamId, findingIds: [fx.findings.technical.id] }));
    const edited = await updateActionItem(fx.actors.responder, a.id, { title: "Rehearse a failover every quarter", kind: "PROCESS", link: [fx.findings.gap.id], unlink: [fx.findings.technical.id], description: doc("Staging first.") });
    expect(edited).toMatchObject({ title: "Rehearse a failover every quarter", kind: "PROCESS", findingIds: [fx.findings.gap.id], descriptionText: "Staging first." });
    const agreed = await updateActionItem(fx.actors.facilitator, a.id, { agreed: true });
    expect(agreed.agreed).toBe(true);
    const agreedAt = agreed.agreedAt;
    expect((await updateActionItem(fx.actors.facilitator, a.id, { agreed: true })).agreedAt).toEqual(agreedAt); // agreeing twice keeps the first time
    const done = await updateActionItem(fx.actors.admin, a.id, { status: "DONE" });
    expect(done.closedAt).toBeInstanceOf(Date);
    const dropped = await updateActionItem(fx.actors.admin, a.id, { status: "WONT_DO" });
    expect(dropped.closedAt).toEqual(done.closedAt); // the lead time ended when it was first closed
    const reopened = await updateActionItem(fx.actors.admin, a.id, { status: "IN_PROGRESS" });
    expect(reopened.closedAt).toBeNull();
    await updateActionItem(fx.actors.facilitator, a.id, { agreed: false });
    await updateActionItem(fx.actors.facilitator, a.id, { title: "Rehearse a failover every quarter", kind: "PROCESS", link: [fx.findings.gap.id] }); // nothing changes
    expect((await auditTrail(fx.reviewId)).slice(1)).toEqual([
      ["action.updated", { fields: ["title", "description", "kind", "findings"] }],
      ["action.agreed", { via: "action" }],
      ["action.status_changed", { from: "OPEN", to: "DONE" }],
      ["action.status_changed", { from: "DONE", to: "WONT_DO" }],
      ["action.status_changed", { from: "WONT_DO", to: "IN_PROGRESS" }],
      ["action.agreement_withdrawn", {}],
    ]);
  });

  it("agrees every proposed action at once, leaving agreed ones as they were", async () => {
    const fx = await buildActionCast();
    const early = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, agreed: true });
    const [p1, p2] = [await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId }), await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId })];
    expect(await agreeAllActions(fx.actors.facilitator, fx.reviewId)).toEqual({ agreedIds: [p1.id, p2.id] });
    const rows = await db().actionItem.findMany({ where: { reviewId: fx.reviewId } });
    expect(rows.every((r) => r.agreedAt)).toBe(true);
    expect(rows.find((r) => r.id === early.id)!.agreedAt).toEqual(early.agreedAt);
    expect(await agreeAllActions(fx.actors.facilitator, fx.reviewId)).toEqual({ agreedIds: [] });
    expect(await auditTrail(fx.reviewId)).toEqual([
      ["action.agreed", { via: "agree-all" }],
      ["action.agreed", { via: "agree-all" }],
    ]);
  });

  it("lists findings nobody acted on; “no action needed” takes a reason, is reversible, and gives way to an action", async () => {
    const fx = await buildActionCast();
    await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, findingIds: [fx.findings.technical.id] });
    let plan = await listReviewActions(fx.actors.observer, fx.reviewId);
    expect(plan.findings.map((f) => [f.title, f.unaddressed])).toEqual([
      ["Pool did not reconnect", false],
      ["Nobody knew the failover runbook", true],
      ["Paging worked", false], // what went well needs no decision
    ]);
    expect(plan.summary).toMatchObject({ actions: 1, agreed: 0, unaddressedFindings: 1 });
    expect(plan.abilities).toEqual({ read: true, plan: false });

    const decided = await recordNoAction(fx.actors.responder, fx.reviewId, fx.findings.gap.id, { reason: "The runbook was rewritten during the incident." });
    expect(decided).toMatchObject({ findingId: fx.findings.gap.id, noActionReason: "The runbook was rewritten during the incident." });
    plan = await listReviewActions(fx.actors.facilitator, fx.reviewId);
    expect(plan.findings.find((f) => f.id === fx.findings.gap.id)).toMatchObject({ unaddressed: false, noActionReason: "The runbook was rewritten during the incident." });
    await expect(recordNoAction(fx.actors.facilitator, fx.reviewId, fx.findings.technical.id, { reason: "x" })).rejects.toMatchObject({ code: "CONFLICT" });

    await clearNoAction(fx.actors.facilitator, fx.reviewId, fx.findings.gap.id);
    expect((await db().finding.findUniqueOrThrow({ where: { id: fx.findings.gap.id } })).noActionReason).toBeNull();
    await recordNoAction(fx.actors.facilitator, fx.reviewId, fx.findings.gap.id, { reason: "Accepted risk." });
    await createActionItem(fx.actors.facilitator, fx.reviewId, input({ teamId: fx.teamId, findingIds: [fx.findings.gap.id] }));
    expect(await db().finding.findUniqueOrThrow({ where: { id: fx.findings.gap.id } })).toMatchObject({ noActionReason: null, noActionAt: null });
    expect((await auditTrail(fx.reviewId)).map(([type, data]) => (type === "action.created" ? type : [type, data]))).toEqual([
      ["finding.no_action_recorded", {}],
      ["finding.no_action_cleared", { via: "decision" }],
      ["finding.no_action_recorded", {}],
      "action.created",
      ["finding.no_action_cleared", { via: "action" }],
    ]);
  });

  it("deletes while planning, but not once the action is in a tracker", async () => {
    const fx = await buildActionCast();
    const local = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, title: "Local", findingIds: [fx.findings.gap.id] });
    const pushed = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, agreed: true, syncState: "SYNCED" });
    await deleteActionItem(fx.actors.responder, local.id);
    expect(await db().actionItem.findUnique({ where: { id: local.id } })).toBeNull();
    expect(await db().finding.count({ where: { id: fx.findings.gap.id } })).toBe(1);
    await expect(deleteActionItem(fx.actors.facilitator, pushed.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateActionItem(fx.actors.facilitator, pushed.id, { agreed: false })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await buildTeam();
    await expect(updateActionItem(fx.actors.facilitator, pushed.id, { teamId: other.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditTrail(fx.reviewId)).toEqual([["action.deleted", { title: "Local", teamId: fx.teamId }]]);
  });

  it("moves an action to another team's backlog (at its bottom) while planning", async () => {
    const fx = await buildActionCast();
    const other = await buildTeam();
    const theirs = await buildAction({ reviewId: fx.reviewId, teamId: other.id });
    const a = await createActionItem(fx.actors.facilitator, fx.reviewId, input({ teamId: fx.teamId }));
    const moved = await updateActionItem(fx.actors.facilitator, a.id, { teamId: other.id });
    expect(moved.team.id).toBe(other.id);
    expect(moved.rank > theirs.rank).toBe(true);
  });
});

describe("after publication", () => {
  it("only progress changes: the owning team, the assignee and admins; the team's product manager also prioritises", async () => {
    const fx = await buildActionCast("PUBLISHED");
    const a = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, agreed: true, assigneeId: fx.assignee.id });
    await expect(updateActionItem(fx.actors.facilitator, a.id, { title: "Renamed" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateActionItem(fx.actors.facilitator, a.id, { status: "DONE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateActionItem(fx.actors.teamMember, a.id, { priority: "HIGH" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A request with one refused part writes nothing.
    await expect(updateActionItem(fx.actors.teamMember, a.id, { status: "DONE", title: "Renamed" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().actionItem.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPEN");

    expect((await updateActionItem(fx.actors.teamMember, a.id, { status: "IN_PROGRESS" })).status).toBe("IN_PROGRESS");
    expect((await updateActionItem(fx.actors.assignee, a.id, { status: "DONE", dueDate: new Date("2027-01-15T00:00:00Z") })).closedAt).toBeInstanceOf(Date);
    const reassigned = await updateActionItem(fx.actors.pm, a.id, { assigneeId: fx.users.teamMember.id, priority: "LOW" });
    expect(reassigned).toMatchObject({ assignee: { id: fx.users.teamMember.id }, priority: "LOW", dueDate: "2027-01-15" });
    // The former assignee, no longer assigned nor in the team, now only reads it (the published review is visible to everyone).
    expect((await getActionItem(fx.actors.assignee, a.id)).abilities).toEqual({ edit: false, updateProgress: false, prioritise: false, rank: false, push: false });
    expect((await auditTrail(fx.reviewId)).map(([t]) => t)).toEqual(["action.status_changed", "action.updated", "action.status_changed", "action.updated"]);
  });
});

describe("actions in a tracker", () => {
  it("send their changes out: an edit of what the issue shows marks them PENDING for the tracker; a re-rank does not", async () => {
    const fx = await buildActionCast("PUBLISHED");
    await db().backlogConnection.create({ data: { teamId: fx.teamId, provider: "WEBHOOK", credentials: "not-used-here" } });
    const pushed = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, agreed: true, syncState: "SYNCED" });
    const other = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, agreed: true, syncState: "SYNCED" });
    await updateActionItem(fx.actors.pm, other.id, { move: { to: "top" } });
    expect((await db().actionItem.findUniqueOrThrow({ where: { id: other.id } })).syncState).toBe("SYNCED");
    await updateActionItem(fx.actors.teamMember, pushed.id, { status: "DONE" });
    expect((await db().actionItem.findUniqueOrThrow({ where: { id: pushed.id } })).syncState).toBe("PENDING");
  });
});

describe("bad input", () => {
  it("is refused with the field named and nothing stored", async () => {
    const fx = await buildActionCast();
    const other = await buildActionCast();
    const gone = await buildUser({ deactivated: true });
    const a = await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, title: "Kept" });
    const before = await db().actionItem.findUniqueOrThrow({ where: { id: a.id } });
    const foreignFinding = await buildFinding({ reviewId: other.reviewId });
    const bad: [Parameters<typeof createActionItem>[2], string][] = [
      [input({ teamId: "no-such-team" }), "teamId"],
      [input({ teamId: fx.teamId, assigneeId: gone.id }), "assigneeId"],
      [input({ teamId: fx.teamId, assigneeId: "nobody" }), "assigneeId"],
      [input({ teamId: fx.teamId, findingIds: [foreignFinding.id] }), "findingIds"],
    ];
    for (const [body, field] of bad) await expect(createActionItem(fx.actors.facilitator, fx.reviewId, body)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { [field]: expect.any(Array) } });
    const badUpdates: [Parameters<typeof updateActionItem>[2], string][] = [
      [{ teamId: "no-such-team" }, "teamId"],
      [{ assigneeId: gone.id }, "assigneeId"],
      [{ link: [foreignFinding.id] }, "link"],
      [{ title: "Renamed", move: { to: "top" } }, "move"], // the facilitator may not rank: refused before anything is written
    ];
    for (const [body, field] of badUpdates) {
      const e = await updateActionItem(fx.actors.facilitator, a.id, body).catch((err: unknown) => err);
      expect(e, field).toMatchObject({ code: field === "move" ? "FORBIDDEN" : "VALIDATION_FAILED" });
    }
    const theirs = await buildAction({ reviewId: other.reviewId, teamId: other.teamId });
    await expect(updateActionItem(fx.actors.pm, a.id, { move: { after: theirs.id } })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { "move.after": expect.any(Array) } });
    await expect(updateActionItem(fx.actors.pm, a.id, { move: { before: a.id } })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(updateActionItem(fx.actors.facilitator, "no-such-action", { title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().actionItem.findUniqueOrThrow({ where: { id: a.id } })).toEqual(before);
    expect(await db().actionItem.count({ where: { reviewId: fx.reviewId } })).toBe(1);
    expect(await auditTrail(fx.reviewId)).toEqual([]);
  });

  it("is refused at the boundary: titles, documents, dates, enums, moves, empty changes", () => {
    const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(createActionItemSchema.parse({ title: "  Add a lag alert for the indexer  ", teamId: "t1" })).toEqual({ title: "Add a lag alert for the indexer", teamId: "t1", priority: "MEDIUM", kind: "FIX", findingIds: [], agreed: false });
    expect(paths(createActionItemSchema.safeParse({ title: " ", teamId: "t1" }))).toEqual(["title"]);
    expect(paths(createActionItemSchema.safeParse({ title: "x".repeat(201) }))).toEqual(["title", "teamId"]);
    expect(paths(createActionItemSchema.safeParse({ title: "x", teamId: "t", priority: "URGENT", kind: "BLAME", dueDate: "next week" }))).toEqual(["priority", "kind", "dueDate"]);
    const evil = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
    expect(paths(createActionItemSchema.safeParse({ title: "x", teamId: "t", description: evil }))).not.toEqual([]);
    expect(createActionItemSchema.parse({ title: "x", teamId: "t", dueDate: "2026-12-01" }).dueDate).toEqual(new Date("2026-12-01T00:00:00Z"));
    expect(paths(updateActionItemSchema.safeParse({}))).toEqual([""]);
    expect(paths(updateActionItemSchema.safeParse({ status: "FINISHED" }))).toEqual(["status"]);
    expect(updateActionItemSchema.parse({ move: { after: "a", before: "b" } }).move).toEqual({ after: "a" });
    expect(updateActionItemSchema.parse({ move: { before: "b" } }).move).toEqual({ before: "b" });
    expect(updateActionItemSchema.parse({ move: { to: "up" } }).move).toEqual({ to: "up" });
    expect(paths(updateActionItemSchema.safeParse({ move: {} }))).toEqual(["move"]);
    expect(paths(updateActionItemSchema.safeParse({ move: { to: "top", after: "a" } }))).toEqual(["move"]);
    expect(paths(updateActionItemSchema.safeParse({ move: { to: "sideways" } }))).toEqual(["move.to"]);
    expect(updateActionItemSchema.parse({ dueDate: null, assigneeId: null })).toEqual({ dueDate: null, assigneeId: null });
  });
});
