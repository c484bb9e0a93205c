"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createFeedToken } from "@/lib/follow/create-feed-token";
import { follow } from "@/lib/follow/follow";
import { revokeFeedToken } from "@/lib/follow/revoke-feed-token";
import { subscriptionInputSchema } from "@/lib/follow/subscription-input";
import { unfollow } from "@/lib/follow/unfollow";
import { formAction } from "@/lib/http/action";

const refresh = (teamSlug?: string) => {
  revalidatePath("/settings/following");
  if (teamSlug) revalidatePath(`/teams/${teamSlug}`);
};

export const followAction = formAction(
  subscriptionInputSchema,
  async (actor, input) => {
    const s = await follow(actor, input);
    refresh(s.team?.slug);
    return { label: s.label, created: s.created };
  },
  { successMessage: (d) => (d.created ? `Following ${d.label}. New reviews reach you in your digest.` : `You already follow ${d.label}.`) },
);

export const unfollowAction = formAction(
  subscriptionInputSchema.extend({ label: z.string().max(200).default(""), teamSlug: z.string().max(100).optional() }),
  async (actor, input) => {
    await unfollow(actor, input);
    refresh(input.teamSlug);
    return { label: input.label || input.value };
  },
  { successMessage: (d) => `You no longer follow ${d.label}.` },
);

export const createFeedTokenAction = formAction(z.object({}), async (actor) => {
  const created = await createFeedToken(actor);
  revalidatePath("/settings/following");
  return { token: created.token, replaced: created.replaced };
});

export const revokeFeedTokenAction = formAction(
  z.object({}),
  async (actor) => {
    await revokeFeedToken(actor);
    revalidatePath("/settings/following");
    return {};
  },
  { successMessage: "Feed link revoked. Feed readers using it are refused from now on." },
);
