import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { decodeCursor, encodeCursor } from "../http/cursor";
import type { Actor } from "../policies/types";
import { PHASES } from "./lifecycle";
import { visibleReviewsWhere } from "./review-scope";

export const REVIEW_FILTERS = ["mine", "teams", "all"] as const;

export const listReviewsSchema = z.object({
  filter: z.enum(REVIEW_FILTERS).default("all"),
  phase: z.enum(PHASES).optional(),
  teamId: z.string().optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type ListReviewsInput = z.output<typeof listReviewsSchema>;

/**
 * Reviews the actor may see — "mine" (taking part), "teams" (owned by my teams) or "all" —
 * most recently active first, keyset-paginated so a page costs the same however many exist.
 */
export async function listReviews(actor: Actor, input: ListReviewsInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const where: Prisma.ReviewWhereInput[] = [visibleReviewsWhere(actor)];
  if (input.filter === "mine") where.push({ participants: { some: { userId: actor.id } } });
  if (input.filter === "teams") where.push({ incident: { teamId: { in: Object.keys(actor.teams) } } });
  if (input.phase) where.push({ phase: input.phase });
  if (input.teamId) where.push({ incident: { teamId: input.teamId } });
  if (input.q) {
    where.push({
      OR: [{ title: { contains: input.q, mode: "insensitive" } }, { incident: { title: { contains: input.q, mode: "insensitive" } } }],
    });
  }
  if (after) where.push({ OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] });
  const rows = await db().review.findMany({
    where: { AND: where },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      title: true,
      phase: true,
      visibility: true,
      updatedAt: true,
      phaseChangedAt: true,
      incident: { select: { id: true, title: true, severity: true, startedAt: true, team: { select: { id: true, name: true, slug: true } } } },
      participants: {
        where: { OR: [{ role: "FACILITATOR" }, { userId: actor.id }] },
        select: { userId: true, role: true, user: { select: { name: true, email: true } } },
      },
      _count: { select: { participants: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const facilitator = r.participants.find((p) => p.role === "FACILITATOR");
      return {
        id: r.id,
        title: r.title,
        phase: r.phase,
        visibility: r.visibility,
        updatedAt: r.updatedAt,
        phaseChangedAt: r.phaseChangedAt,
        incident: r.incident,
        facilitator: facilitator ? { id: facilitator.userId, name: facilitator.user.name, email: facilitator.user.email } : null,
        myRole: r.participants.find((p) => p.userId === actor.id)?.role ?? null,
        participantCount: r._count.participants,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}

export type ReviewListItem = Awaited<ReturnType<typeof listReviews>>["items"][number];
