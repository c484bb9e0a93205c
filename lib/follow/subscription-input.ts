/**
 * What can be followed, as the API and forms send it: a team (by id or slug), a service or a tag.
 * Services and tags are matched case-insensitively, so they are stored trimmed and lower-cased;
 * a team is stored by id (its slug may change).
 */
import { z } from "zod";
import type { Tx } from "../db/client";
import { db } from "../db/client";
import { AppError } from "../errors";

export const SUBSCRIPTION_KINDS = ["TEAM", "SERVICE", "TAG"] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const subscriptionInputSchema = z.object({
  kind: z.enum(SUBSCRIPTION_KINDS, { error: "kind is TEAM, SERVICE or TAG." }).describe("What to follow: a team, a service or a tag."),
  value: z
    .string({ error: "Give the team (id or slug), service or tag to follow." })
    .trim()
    .min(1, "Give the team (id or slug), service or tag to follow.")
    .max(100, "At most 100 characters.")
    .describe("For TEAM the team's id or slug; for SERVICE and TAG its name (matched without regard to case)."),
});

export type SubscriptionInput = z.output<typeof subscriptionInputSchema>;

/** The stored value: the team's id, or the lower-cased service or tag. 404 for an unknown team. */
export async function normaliseSubscription(input: SubscriptionInput, tx: Pick<Tx, "team"> = db()): Promise<{ kind: SubscriptionKind; value: string }> {
  const value = input.value.trim();
  if (input.kind !== "TEAM") return { kind: input.kind, value: value.toLowerCase() };
  const team = await tx.team.findFirst({ where: { OR: [{ id: value }, { slug: value }] }, select: { id: true } });
  if (!team) throw AppError.notFound("Team");
  return { kind: "TEAM", value: team.id };
}
