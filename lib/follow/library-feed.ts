/** The Atom feed of a library view (its filters in the URL), as its token's owner may see it. */
import { db } from "../db/client";
import { parseInput } from "../http/validation";
import { buildAtomFeed } from "./atom-feed";
import { actorFromFeedToken } from "./feed-actor";
import { libraryFeedQuerySchema, searchParamsObject } from "./feed-query";
import { listPublishedReviews } from "./published-reviews";
import { FEED_ITEMS } from "./team-feed";

export async function libraryFeed(input: { token: string | null; params: URLSearchParams; origin: string }): Promise<string> {
  const actor = await actorFromFeedToken(input.token);
  const query = parseInput(libraryFeedQuerySchema, searchParamsObject(input.params), "The feed's filters");
  const teams = query.team.length ? await db().team.findMany({ where: { slug: { in: query.team } }, select: { id: true, name: true } }) : [];
  const items = await listPublishedReviews(actor, {
    // An unknown team slug matches nothing rather than everything.
    teamIds: query.team.length ? (teams.length ? teams.map((t) => t.id) : ["-"]) : undefined,
    services: query.service,
    tags: query.tag,
    severities: query.severity,
    categories: query.category,
    limit: FEED_ITEMS,
  });
  const filters = [...teams.map((t) => t.name), ...query.service, ...query.tag.map((t) => `#${t}`), ...query.severity];
  const params = searchParamsObject(input.params);
  const qs = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]))).toString();
  return buildAtomFeed({
    feedUrl: `${input.origin}/feeds/library.atom${qs ? `?${qs}` : ""}`,
    origin: input.origin,
    title: `Library${filters.length ? ` · ${filters.join(", ")}` : ""} · Debrief`,
    description: "Post-incident reviews published in the library.",
    items,
  });
}
