import { z } from "zod";
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { visibleIncidentsWhere } from "./incident-scope";
import { decodeCursor, encodeCursor } from "../http/cursor";

export const listIncidentsSchema = z.object({
  teamId: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Incidents the actor may see, newest first, keyset-paginated. */
export async function listIncidents(actor: Actor, input: z.output<typeof listIncidentsSchema>) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db().incident.findMany({
    where: {
      AND: [
        visibleIncidentsWhere(actor),
        input.teamId ? { teamId: input.teamId } : {},
        after ? { OR: [{ startedAt: { lt: after.at } }, { startedAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: { team: { select: { id: true, name: true, slug: true } }, _count: { select: { reviews: true } } },
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.startedAt, last.id) : null };
}
