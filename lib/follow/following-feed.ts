/** The Atom feed of what its token's owner follows: reviews of followed teams, services and tags. */
import { buildAtomFeed } from "./atom-feed";
import { actorFromFeedToken } from "./feed-actor";
import { listPublishedReviews } from "./published-reviews";
import { FEED_ITEMS } from "./team-feed";

export async function followingFeed(input: { token: string | null; origin: string }): Promise<string> {
  const actor = await actorFromFeedToken(input.token);
  const items = await listPublishedReviews(actor, { followedBy: actor.id, limit: FEED_ITEMS });
  return buildAtomFeed({
    feedUrl: `${input.origin}/feeds/following.atom`,
    origin: input.origin,
    title: "Reviews you follow · Debrief",
    description: "Post-incident reviews published for the teams, services and tags you follow.",
    items,
  });
}
