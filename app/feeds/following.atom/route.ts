import { feedResponse } from "@/lib/follow/feed-response";
import { followingFeed } from "@/lib/follow/following-feed";

export const dynamic = "force-dynamic";

/** `/feeds/following.atom?token=…`: reviews of the teams, services and tags the token's owner follows. */
export async function GET(request: Request) {
  return feedResponse(request, ({ token, origin }) => followingFeed({ token, origin }));
}
