/**
 * Who may read and change actions, proven as a matrix: every role × every use case × every phase
 * (and, once published, every visibility). Each outcome is success, 403, 404 or 409 exactly as
 * lib/policies/action-items.ts says — written out again here, independently. A failed change
 * leaves the action as it was.
 */
import { describe, expect, it } from "vitest";
import { agreeAllActions } from "../../lib/action-items/agree-all-actions";
import { clearNoAction } from "../../lib/action-items/clear-no-action";
import { createActionItem, createActionItemSchema } from "../../lib/action-items/create-action-item";
import { deleteActionItem } from "../../lib/action-items/delete-action-item";
import { getActionItem } from "../../lib/action-items/get-action-item";
import { listReviewActions } from "../../lib/action-items/list-review-actions";
import { recordNoAction } from "../../lib/action-items/record-no-action";
import { updateActionItem } from "../../lib/action-items/update-action-item";
import { db } from "../../lib/db/client";
import { isAppError } from "../../lib/errors";
import type { Actor, ReviewPhase, ReviewVisibility } from "../../lib/policies/types";
import { buildFinding } from "../support/factories";
import { buildAction, buildActionCast, type ActionCast } from "./action-fixtures";

type Role = "admin" | "facilitator" | "responder" | "observer" | "teamMember" | "pm" | "outsider" | "assignee";
const ROLES: Role[] = ["admin", "facilitator", "responder", "observer", "teamMember", "pm", "outsider", "assignee"];
type Outcome = "ok" | 403 | 404 | 409;
type Need = "read" | "plan" | "view" | "edit" | "progress" | "prioritise" | "rank";

const SCENARIOS: [ReviewPhase, ReviewVisibility][] = [
  ["PREPARING", "ORGANISATION"],
  ["INDEPENDENT", "ORGANISATION"],
  ["GROUP", "ORGANISATION"],
  ["ACTION_PLANNING", "ORGANISATION"],
  ["PUBLISHED", "ORGANISATION"],
  ["PUBLISHED", "TEAM"],
  ["PUBLISHED", "PARTICIPANTS"],
];

const inRoom = (r: Role) => r === "admin" || r === "facilitator" || r === "responder" || r === "observer";
const planner = (r: Role) => r === "admin" || r === "facilitator" || r === "responder";
const inTeam = (r: Role) => r === "teamMember" || r === "pm";

/** The rules, written out independently of lib/policies. The action's team owns the review's incident. */
function expected(need: Need, role: Role, phase: ReviewPhase, visibility: ReviewVisibility): Outcome {
  const seesReview = inRoom(role) || (phase !== "PUBLISHED" ? inTeam(role) : visibility === "ORGANISATION" || (visibility === "TEAM" && inTeam(role)));
  const readsActions =
    ["GROUP", "ACTION_PLANNING", "PUBLISHED"].includes(phase) && (inRoom(role) || (phase === "PUBLISHED" && (visibility === "ORGANISATION" || (visibility === "TEAM" && inTeam(role)))));
  const beforeSession = phase === "PREPARING" || phase === "INDEPENDENT";
  if (need === "read" || need === "plan") {
    if (!seesReview) return 404;
    if (!readsActions) return inRoom(role) && beforeSession ? 409 : 404;
    if (need === "read") return "ok";
    if (phase === "ACTION_PLANNING") return planner(role) ? "ok" : 403;
    return 409;
  }
  const views = readsActions || role === "admin" || inTeam(role) || role === "assignee";
  if (!views) return 404;
  if (need === "view") return "ok";
  if (need === "rank") return role === "admin" || role === "pm" ? "ok" : 403;
  if (need === "prioritise") return role === "admin" || role === "pm" || (phase === "ACTION_PLANNING" && planner(role)) ? "ok" : 403;
  if (need === "edit") {
    if (phase === "ACTION_PLANNING") return planner(role) ? "ok" : 403;
    return 409;
  }
  // progress
  if (phase === "ACTION_PLANNING") return planner(role) ? "ok" : 403;
  if (phase === "PUBLISHED") return role === "admin" || inTeam(role) || role === "assignee" ? "ok" : 403;
  return 409;
}

type Fixture = ActionCast & { action: () => Promise<{ id: string }> };
type Op = { name: string; need: Need; run: (actor: Actor, fx: Fixture) => Promise<unknown> };

const OPS: Op[] = [
  { name: "listReviewActions", need: "read", run: (a, fx) => listReviewActions(a, fx.reviewId) },
  { name: "createActionItem", need: "plan", run: (a, fx) => createActionItem(a, fx.reviewId, createActionItemSchema.parse({ title: "Alert on pool wait above 2 s", teamId: fx.teamId })) },
  { name: "agreeAllActions", need: "plan", run: (a, fx) => agreeAllActions(a, fx.reviewId) },
  { name: "recordNoAction", need: "plan", run: async (a, fx) => recordNoAction(a, fx.reviewId, (await buildFinding({ reviewId: fx.reviewId })).id, { reason: "Accepted risk" }) },
  { name: "clearNoAction", need: "plan", run: (a, fx) => clearNoAction(a, fx.reviewId, fx.findings.gap.id) },
  { name: "getActionItem", need: "view", run: async (a, fx) => getActionItem(a, (await fx.action()).id) },
  { name: "update title", need: "edit", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { title: "Renamed and checkable: alert above 2 s" }) },
  { name: "agree", need: "edit", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { agreed: true }) },
  { name: "link a finding", need: "edit", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { link: [fx.findings.technical.id] }) },
  { name: "deleteActionItem", need: "edit", run: async (a, fx) => deleteActionItem(a, (await fx.action()).id) },
  { name: "update status", need: "progress", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { status: "DONE" }) },
  { name: "update due date", need: "progress", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { dueDate: new Date("2027-01-01T00:00:00Z") }) },
  { name: "update priority", need: "prioritise", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { priority: "HIGH" }) },
  { name: "move to top", need: "rank", run: async (a, fx) => updateActionItem(a, (await fx.action()).id, { move: { to: "top" } }) },
];

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "ok";
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.status as Outcome;
  }
}

describe.each(SCENARIOS)("actions of a review in %s, visible to %s", (phase, visibility) => {
  it("answer every role on every path as the rules say; refused changes change nothing", async () => {
    const cast = await buildActionCast(phase, visibility);
    let built: Awaited<ReturnType<typeof buildAction>> | null = null;
    const fx: Fixture = {
      ...cast,
      // A fresh action per attempt, assigned to the assignee, so one attempt never depends on another.
      action: async () => (built = await buildAction({ reviewId: cast.reviewId, teamId: cast.teamId, assigneeId: cast.assignee.id, title: "Untouched" })),
    };
    await db().finding.update({ where: { id: cast.findings.gap.id }, data: { noActionReason: "Decided earlier", noActionAt: new Date() } });
    const failures: string[] = [];
    let refused = 0;
    for (const role of ROLES) {
      for (const op of OPS) {
        built = null;
        const audits = await db().auditEvent.count({ where: { reviewId: cast.reviewId } });
        const outcome = await attempt(() => op.run(cast.actors[role], fx));
        const want = expected(op.need, role, phase, visibility);
        if (outcome !== want) failures.push(`${role} ${op.name}: got ${outcome}, expected ${want}`);
        if (outcome === "ok") continue;
        // A refused change writes nothing: the action as built, no audit event.
        refused++;
        const b = built as Awaited<ReturnType<typeof buildAction>> | null;
        if (b) expect(await db().actionItem.findUnique({ where: { id: b.id } }), `${role} ${op.name}`).toEqual(b);
        expect(await db().auditEvent.count({ where: { reviewId: cast.reviewId } }), `${role} ${op.name}`).toBe(audits);
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  });
});

describe("an action owned by another team than the review's", () => {
  it("is its team's to read, progress and rank, but not the review team's", async () => {
    const fx = await buildActionCast("PUBLISHED", "PARTICIPANTS");
    const other = await buildActionCast("PUBLISHED");
    const theirs = await buildAction({ reviewId: fx.reviewId, teamId: other.teamId, title: "Theirs" });
    expect((await getActionItem(other.actors.teamMember, theirs.id)).title).toBe("Theirs"); // their team, though the review is for its participants
    await updateActionItem(other.actors.teamMember, theirs.id, { status: "IN_PROGRESS" });
    await updateActionItem(other.actors.pm, theirs.id, { move: { to: "top" }, priority: "HIGH" });
    await expect(getActionItem(fx.actors.teamMember, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateActionItem(fx.actors.pm, theirs.id, { move: { to: "bottom" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listReviewActions(other.actors.teamMember, fx.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
