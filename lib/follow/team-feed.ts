/** The Atom feed of one team's published reviews, as its token's owner may see them. */
import { db } from "../db/client";
import { AppError } from "../errors";
import { buildAtomFeed } from "./atom-feed";
import { actorFromFeedToken } from "./feed-actor";
import { listPublishedReviews } from "./published-reviews";

export const FEED_ITEMS = 50;

export async function teamFeed(input: { token: string | null; slug: string; origin: string }): Promise<string> {
  const actor = await actorFromFeedToken(input.token);
  const team = await db().team.findUnique({ where: { slug: input.slug }, select: { id: true, name: true, slug: true } });
  if (!team) throw AppError.notFound("Team");
  const items = await listPublishedReviews(actor, { teamIds: [team.id], limit: FEED_ITEMS });
  return buildAtomFeed({
    feedUrl: `${input.origin}/feeds/teams/${team.slug}.atom`,
    origin: input.origin,
    title: `${team.name} · published reviews · Debrief`,
    description: `Post-incident reviews published by ${team.name}.`,
    items,
  });
}
