/**
 * Ranking a team's backlog against a real database: moves between neighbours, the keyboard's
 * top / bottom / up / down, concurrent moves and creates keeping one total order without
 * duplicate ranks, and the rebalance when keys grow long. Audited like every change.
 */
import { describe, expect, it } from "vitest";
import { createActionItem, createActionItemSchema } from "../../lib/action-items/create-action-item";
import { REBALANCE_LENGTH } from "../../lib/action-items/ranking";
import { updateActionItem } from "../../lib/action-items/update-action-item";
import { db } from "../../lib/db/client";
import { buildAction, buildActionCast, rankedTitles } from "./action-fixtures";

async function backlogOf(count: number, phase: "ACTION_PLANNING" | "PUBLISHED" = "PUBLISHED") {
  const fx = await buildActionCast(phase);
  const ids: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const title = String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : "");
    ids[title] = (await buildAction({ reviewId: fx.reviewId, teamId: fx.teamId, title })).id;
  }
  return { ...fx, ids };
}

async function ranks(teamId: string) {
  return (await db().actionItem.findMany({ where: { teamId }, orderBy: { rank: "asc" }, select: { rank: true } })).map((r) => r.rank);
}

describe("ranking a backlog", () => {
  it("moves an action between two others, before one, after one — as the backlog is at write time", async () => {
    const fx = await backlogOf(5);
    const { A, B, D, E } = fx.ids as Record<"A" | "B" | "D" | "E", string>;
    await updateActionItem(fx.actors.pm, E!, { move: { after: A!, before: B! } });
    expect(await rankedTitles(fx.teamId)).toEqual(["A", "E", "B", "C", "D"]);
    await updateActionItem(fx.actors.pm, A!, { move: { before: D! } });
    expect(await rankedTitles(fx.teamId)).toEqual(["E", "B", "C", "A", "D"]);
    await updateActionItem(fx.actors.admin, B!, { move: { after: D! } });
    expect(await rankedTitles(fx.teamId)).toEqual(["E", "C", "A", "D", "B"]);
    // Neighbours that are no longer adjacent (someone moved C in between): it goes right after `after`.
    await updateActionItem(fx.actors.pm, E!, { move: { after: A!, before: B! } });
    expect(await rankedTitles(fx.teamId)).toEqual(["C", "A", "E", "D", "B"]);
    const audit = await db().auditEvent.findMany({ where: { subjectId: E!, type: "action.moved" } });
    expect(audit.map((e) => e.data)).toEqual([
      { teamId: fx.teamId, rebalanced: false },
      { teamId: fx.teamId, rebalanced: false },
    ]);
  });

  it("moves by keyboard: up, down, top, bottom — and says nothing when it cannot move further", async () => {
    const fx = await backlogOf(4);
    const { A, B, D } = fx.ids as Record<string, string>;
    await updateActionItem(fx.actors.pm, D!, { move: { to: "up" } });
    expect(await rankedTitles(fx.teamId)).toEqual(["A", "B", "D", "C"]);
    await updateActionItem(fx.actors.pm, D!, { move: { to: "top" } });
    expect(await rankedTitles(fx.teamId)).toEqual(["D", "A", "B", "C"]);
    await updateActionItem(fx.actors.pm, A!, { move: { to: "bottom" } });
    expect(await rankedTitles(fx.teamId)).toEqual(["D", "B", "C", "A"]);
    await updateActionItem(fx.actors.pm, B!, { move: { to: "down" } });
    expect(await rankedTitles(fx.teamId)).toEqual(["D", "C", "B", "A"]);
    const before = await ranks(fx.teamId);
    await updateActionItem(fx.actors.pm, D!, { move: { to: "up" } });
    await updateActionItem(fx.actors.pm, D!, { move: { to: "top" } });
    await updateActionItem(fx.actors.pm, A!, { move: { to: "down" } });
    await updateActionItem(fx.actors.pm, A!, { move: { to: "bottom" } });
    expect(await ranks(fx.teamId)).toEqual(before);
    expect(await db().auditEvent.count({ where: { reviewId: fx.reviewId, type: "action.moved" } })).toBe(4);
  });

  it("keeps one total order with no duplicate ranks under concurrent moves and creates", async () => {
    const fx = await backlogOf(30, "ACTION_PLANNING");
    const titles = Object.keys(fx.ids);
    const pick = (i: number) => fx.ids[titles[(i * 7 + 3) % titles.length]!]!;
    const moves = Array.from({ length: 40 }, (_, i) => {
      const self = pick(i);
      const other = pick(i + 11) === self ? pick(i + 12) : pick(i + 11);
      const move = i % 5 === 0 ? { to: "top" as const } : i % 5 === 1 ? { to: "down" as const } : i % 2 ? { after: other } : { before: other };
      return updateActionItem(fx.actors.pm, self, { move });
    });
    const creates = Array.from({ length: 5 }, (_, i) =>
      createActionItem(fx.actors.facilitator, fx.reviewId, createActionItemSchema.parse({ title: `Created concurrently ${i}`, teamId: fx.teamId })),
    );
    const results = await Promise.allSettled([...moves, ...creates]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const all = await ranks(fx.teamId);
    expect(all).toHaveLength(35);
    expect(new Set(all).size).toBe(35);
    expect([...all].sort()).toEqual(all); // byte order is the database's order
  });

  it("puts ten concurrent moves into the same gap one after another, all between the two neighbours", async () => {
    const fx = await backlogOf(14);
    const { A, B } = fx.ids as Record<string, string>;
    const movers = Object.keys(fx.ids).slice(4);
    const results = await Promise.allSettled(movers.map((t, i) => updateActionItem(i % 2 ? fx.actors.pm : fx.actors.admin, fx.ids[t]!, { move: { after: A!, before: B! } })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const order = await rankedTitles(fx.teamId);
    expect(order[0]).toBe("A");
    expect(new Set(order.slice(1, 11))).toEqual(new Set(movers));
    expect(order.slice(11)).toEqual(["B", "C", "D"]);
    const all = await ranks(fx.teamId);
    expect(new Set(all).size).toBe(14);
  });

  it("rebalances the backlog when keys grow long, keeping the order", async () => {
    const fx = await backlogOf(6);
    const { A, B, C, D } = fx.ids as Record<string, string>;
    let rebalanced = false;
    // Alternately squeeze C and D right after A: each move halves the same gap.
    for (let i = 0; i < 400 && !rebalanced; i++) {
      const moving = i % 2 ? C! : D!;
      await updateActionItem(fx.actors.pm, moving, { move: { after: A!, before: i % 2 ? D! : C! } });
      rebalanced = (await db().auditEvent.count({ where: { subjectId: moving, type: "action.moved", data: { path: ["rebalanced"], equals: true } } })) > 0;
    }
    expect(rebalanced).toBe(true);
    const after = await ranks(fx.teamId);
    expect(after.every((r) => r.length <= 4)).toBe(true);
    expect(new Set(after).size).toBe(after.length);
    const order = await rankedTitles(fx.teamId);
    expect(order[0]).toBe("A");
    expect(order.slice(3)).toEqual(["B", "E", "F"]);
    expect(new Set(order.slice(1, 3))).toEqual(new Set(["C", "D"]));
    expect(B).toBeTruthy();
    expect(REBALANCE_LENGTH).toBeGreaterThan(8);
  });
});
