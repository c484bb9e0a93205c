/**
 * Who has read a published review: the number of readers and visits for anyone who may see the
 * review, and the share of the organisation (active people) reached; the names, with first and
 * last visit, for admins only (lib/policies/insights.ts).
 */
import { db } from "../db/client";
import { can } from "../policies";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";

export type ReviewReaders = {
  readers: number;
  visits: number;
  /** Readers ÷ active people in the organisation (0–1). */
  organisationShare: number;
  /** Admins only: who read it; null for everyone else. */
  people: { id: string; name: string | null; email: string; firstAt: Date; lastAt: Date; visits: number }[] | null;
};

export async function getReviewReaders(actor: Actor, reviewId: string): Promise<ReviewReaders | null> {
  const { facts } = await loadVisibleReview(actor, reviewId);
  if (!can(actor, "review:read-count", facts)) return null;
  const names = can(actor, "review:see-readers", facts);
  const [totals, active, people] = await Promise.all([
    db().reviewRead.aggregate({ where: { reviewId }, _count: { _all: true }, _sum: { count: true } }),
    db().user.count({ where: { deactivatedAt: null } }),
    names
      ? db().reviewRead.findMany({
          where: { reviewId },
          orderBy: [{ firstAt: "asc" }, { id: "asc" }],
          select: { firstAt: true, lastAt: true, count: true, user: { select: { id: true, name: true, email: true } } },
        })
      : null,
  ]);
  const readers = totals._count._all;
  return {
    readers,
    visits: totals._sum.count ?? 0,
    organisationShare: active ? Math.min(1, readers / active) : 0,
    people: people?.map((p) => ({ ...p.user, firstAt: p.firstAt, lastAt: p.lastAt, visits: p.count })) ?? null,
  };
}
