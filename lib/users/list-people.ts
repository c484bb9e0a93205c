import { db } from "../db/client";
import type { Actor } from "../policies/types";

/** Active people, for pickers (choosing a facilitator, inviting participants). */
export async function listPeople(_actor: Actor) {
  return db().user.findMany({
    where: { deactivatedAt: null },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
    take: 1000,
  });
}
