/** A person's own profile: their display name and home timezone. */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { isValidTimeZone } from "../ui/time";
import { getProfile } from "./get-profile";
import { forgetActor } from "../auth/request-cache";

export const updateProfileSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(120, "At most 120 characters."),
  /** An IANA timezone such as "Europe/Berlin"; empty or null clears it. */
  timezone: z
    .string()
    .trim()
    .nullish()
    .transform((tz) => tz || null)
    .refine((tz) => tz === null || isValidTimeZone(tz), "Choose a timezone from the list, e.g. Europe/Berlin."),
});

export type UpdateProfileInput = z.output<typeof updateProfileSchema>;

/**
 * Updates the actor's own name and timezone. Records "user.profile_updated" naming the fields
 * that changed (never their values); saving unchanged values records nothing.
 */
export async function updateProfile(actor: Actor, input: UpdateProfileInput) {
  const current = await getProfile(actor);
  const fields: ("name" | "timezone")[] = [];
  if (current.name !== input.name) fields.push("name");
  if (current.timezone !== input.timezone) fields.push("timezone");
  if (fields.length === 0) return current;
  return db().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { name: input.name, timezone: input.timezone },
      select: { id: true, name: true, email: true, timezone: true, role: true },
    });
    await recordAuditEvent(tx, { type: "user.profile_updated", actorId: actor.id, subjectId: actor.id, data: { fields } });
    return user;
  }).finally(() => forgetActor(actor.id));
}
