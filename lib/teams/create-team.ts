import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { forgetTeamChoices } from "./list-teams";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

export const teamSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(40, "At most 40 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens, e.g. payments-api.");

export const createTeamSchema = z.object({
  name: z.string().trim().min(2, "Give the team a name of at least 2 characters.").max(80, "At most 80 characters."),
  slug: teamSlug.optional(),
  description: z.string().trim().max(500, "At most 500 characters.").optional(),
});

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "team";
}

/** Creates a team (admins). The slug is derived from the name unless given; it must be unique. */
export async function createTeam(actor: Actor, input: z.output<typeof createTeamSchema>) {
  authorize(actor, "admin:manage", null, { message: "Only admins can create teams." });
  const slug = input.slug ?? slugify(input.name);
  if (await db().team.findUnique({ where: { slug }, select: { id: true } })) {
    throw new AppError("CONFLICT", `A team with the address "${slug}" exists already.`, { fields: { slug: ["Choose another short name."] } });
  }
  const created = await db().$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name: input.name, slug, description: input.description || null } });
    await recordAuditEvent(tx, { type: "team.created", actorId: actor.id, subjectId: team.id, data: { name: team.name, slug } });
    return team;
  });
  forgetTeamChoices();
  return created;
}
