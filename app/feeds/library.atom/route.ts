import { feedResponse } from "@/lib/follow/feed-response";
import { libraryFeed } from "@/lib/follow/library-feed";

export const dynamic = "force-dynamic";

/** `/feeds/library.atom?token=…&team=…&service=…&tag=…&severity=…&category=…`: a library view. */
export async function GET(request: Request) {
  return feedResponse(request, ({ token, origin, url }) => libraryFeed({ token, params: url.searchParams, origin }));
}
