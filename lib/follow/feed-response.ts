/**
 * The HTTP answer of a feed route: the Atom document, or the error as the API's JSON error
 * (401 without a valid feed token). Feeds do not use sessions, so nothing here reads cookies.
 */
import { env } from "../env";
import { AppError, isAppError } from "../errors";
import { log } from "../log";
import { ATOM_CONTENT_TYPE } from "./atom-feed";

function errorResponse(e: unknown, request: Request): Response {
  if (isAppError(e)) return Response.json({ error: e.toJSON() }, { status: e.status });
  log.error({ err: e, path: new URL(request.url).pathname }, "feed failed");
  return Response.json({ error: new AppError("INTERNAL", "Something went wrong on our side. It was logged.").toJSON() }, { status: 500 });
}

export async function feedResponse(request: Request, build: (input: { token: string | null; origin: string; url: URL }) => Promise<string>): Promise<Response> {
  try {
    const url = new URL(request.url);
    // Links point where people reach Debrief: the configured public URL, else this request's host.
    const configured = env().APP_URL ?? env().AUTH_URL;
    const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host;
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
    const origin = configured ? new URL(configured).origin : `${proto}://${host}`;
    const xml = await build({ token: url.searchParams.get("token"), origin, url });
    return new Response(xml, {
      headers: {
        "content-type": ATOM_CONTENT_TYPE,
        // Personal (the token's owner's view): no shared caches; the token is in the URL, so no referrers.
        "cache-control": "private, max-age=300",
        "referrer-policy": "no-referrer",
        "x-robots-tag": "noindex",
      },
    });
  } catch (e) {
    return errorResponse(e, request);
  }
}
