/**
 * A team's backlog order. Each action has a fractional-index rank (fractional-indexing's base-62
 * keys, compared byte by byte — the column is in the "C" collation): moving one action writes one
 * row, with a key between its new neighbours'.
 *
 * Concurrent moves stay conflict-free: every write of a rank first locks the team's row
 * (`FOR NO KEY UPDATE`, which does not block inserts referencing it), then reads the neighbours
 * *as they are now* and computes the key from them. Two moves into the same gap therefore get
 * different keys, and the order stays total with no duplicate ranks. Repeated moves into one gap
 * lengthen keys; past REBALANCE_LENGTH characters the team's ranks are rewritten evenly.
 */
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

/** Keys longer than this trigger a rebalance of the team's backlog. */
export const REBALANCE_LENGTH = 24;

/** Where to put an action: right after or before another one of the team's, or a keyboard move. */
export type Placement = { after: string } | { before: string } | { to: "top" | "bottom" | "up" | "down" };

type Ranked = { id: string; rank: string };

/** Serialises rank writes of one team's backlog until the transaction ends. */
export async function lockBacklog(tx: Tx, teamId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Team" WHERE id = ${teamId} FOR NO KEY UPDATE`;
  if (!rows.length) throw new AppError("VALIDATION_FAILED", "Unknown team.", { fields: { teamId: ["Choose one of the organisation's teams."] } });
}

/** The key after the team's last action (the caller holds the backlog lock). */
export async function rankAtBottom(tx: Tx, teamId: string): Promise<string> {
  const last = await tx.actionItem.findFirst({ where: { teamId }, orderBy: { rank: "desc" }, select: { rank: true } });
  return generateKeyBetween(last?.rank ?? null, null);
}

const neighbour = (tx: Tx, teamId: string, selfId: string, side: "above" | "below", of: string | null) =>
  tx.actionItem.findFirst({
    where: { teamId, id: { not: selfId }, ...(of === null ? {} : { rank: side === "above" ? { lt: of } : { gt: of } }) },
    orderBy: { rank: side === "above" ? "desc" : "asc" },
    select: { id: true, rank: true },
  });

async function anchor(tx: Tx, teamId: string, selfId: string, id: string, field: "after" | "before"): Promise<Ranked> {
  if (id === selfId) throw new AppError("VALIDATION_FAILED", "An action cannot move next to itself.", { fields: { [`move.${field}`]: ["Choose another action of the backlog."] } });
  const row = await tx.actionItem.findFirst({ where: { id, teamId }, select: { id: true, rank: true } });
  if (!row) throw new AppError("VALIDATION_FAILED", "Unknown action in this backlog.", { fields: { [`move.${field}`]: ["Not an action of this team's backlog."] } });
  return row;
}

/** The bounds of the gap the action moves into, or null when it is already there. */
async function gapFor(tx: Tx, self: Ranked & { teamId: string }, placement: Placement): Promise<[string | null, string | null] | null> {
  const { teamId, id } = self;
  if ("after" in placement) {
    const a = await anchor(tx, teamId, id, placement.after, "after");
    const next = await neighbour(tx, teamId, id, "below", a.rank);
    return [a.rank, next?.rank ?? null];
  }
  if ("before" in placement) {
    const b = await anchor(tx, teamId, id, placement.before, "before");
    const previous = await neighbour(tx, teamId, id, "above", b.rank);
    return [previous?.rank ?? null, b.rank];
  }
  switch (placement.to) {
    case "top": {
      const first = await neighbour(tx, teamId, id, "below", null);
      return first && first.rank < self.rank ? [null, first.rank] : null;
    }
    case "bottom": {
      const last = await neighbour(tx, teamId, id, "above", null);
      return last && last.rank > self.rank ? [last.rank, null] : null;
    }
    case "up": {
      const previous = await neighbour(tx, teamId, id, "above", self.rank);
      if (!previous) return null;
      const beyond = await neighbour(tx, teamId, id, "above", previous.rank);
      return [beyond?.rank ?? null, previous.rank];
    }
    case "down": {
      const next = await neighbour(tx, teamId, id, "below", self.rank);
      if (!next) return null;
      const beyond = await neighbour(tx, teamId, id, "below", next.rank);
      return [next.rank, beyond?.rank ?? null];
    }
  }
}

/**
 * Moves the action within its team's backlog (inside the caller's transaction; takes the backlog
 * lock and reads the action's current rank under it). Returns its new rank, or null when the
 * placement leaves it where it is.
 */
export async function placeInBacklog(tx: Tx, action: { id: string; teamId: string }, placement: Placement): Promise<{ rank: string; rebalanced: boolean } | null> {
  await lockBacklog(tx, action.teamId);
  const self = await tx.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { id: true, rank: true, teamId: true } });
  const gap = await gapFor(tx, self, placement);
  if (!gap) return null;
  const [low, high] = gap;
  if ((low === null || self.rank > low) && (high === null || self.rank < high)) return null; // already in that gap
  const rank = generateKeyBetween(low, high);
  if (rank.length <= REBALANCE_LENGTH) {
    await tx.actionItem.update({ where: { id: self.id }, data: { rank } });
    return { rank, rebalanced: false };
  }
  return { rank: await rebalance(tx, self.teamId, self.id, low), rebalanced: true };
}

/**
 * Rewrites every rank of the team evenly, in the current order with `movingId` placed right after
 * the action ranked `after` (first when null). One UPDATE; returns the moved action's new rank.
 */
async function rebalance(tx: Tx, teamId: string, movingId: string, after: string | null): Promise<string> {
  const rows = await tx.actionItem.findMany({ where: { teamId, id: { not: movingId } }, orderBy: { rank: "asc" }, select: { id: true, rank: true } });
  const at = after === null ? 0 : rows.findIndex((r) => r.rank === after) + 1;
  const ids = [...rows.slice(0, at).map((r) => r.id), movingId, ...rows.slice(at).map((r) => r.id)];
  const keys = generateNKeysBetween(null, null, ids.length);
  // Two steps, so no intermediate state has two actions with one key.
  await tx.$executeRaw`UPDATE "ActionItem" SET rank = '~' || id WHERE "teamId" = ${teamId}`;
  await tx.$executeRaw`UPDATE "ActionItem" a SET rank = v.rank FROM unnest(${ids}::text[], ${keys}::text[]) AS v(id, rank) WHERE a.id = v.id`;
  return keys[at]!;
}
