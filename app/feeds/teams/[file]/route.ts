import { AppError } from "@/lib/errors";
import { feedResponse } from "@/lib/follow/feed-response";
import { teamFeed } from "@/lib/follow/team-feed";

export const dynamic = "force-dynamic";

/** `/feeds/teams/{slug}.atom?token=…`: a team's published reviews (docs: Settings → Following). */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  return feedResponse(request, async ({ token, origin }) => {
    if (!file.endsWith(".atom")) throw AppError.notFound("Feed");
    return teamFeed({ token, slug: decodeURIComponent(file.slice(0, -".atom".length)), origin });
  });
}
