import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";

/** The actor's own profile, as the settings page shows it. */
export async function getProfile(actor: Actor) {
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { id: true, name: true, email: true, timezone: true, role: true } });
  if (!user) throw AppError.notFound("User");
  return user;
}
