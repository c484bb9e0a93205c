/**
 * The one wrapper for REST route handlers: finds the actor (API token or session), refuses
 * cross-site cookie writes, parses params / query / body with zod, calls the handler and maps
 * every AppError — and anything unexpected — to `{ error: { code, message, fields? } }`.
 */
import { z } from "zod";
import { actorFromRequest } from "../auth/current-actor";
import { AppError, isAppError } from "../errors";
import { log } from "../log";
import type { Actor } from "../policies/types";
import { parseInput } from "./validation";

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export type RouteSpec<P, Q, B> = {
  params?: P;
  query?: Q;
  body?: B;
  /** HTTP status on success (default 200). */
  status?: number;
};

export type RouteContext<P, Q, B> = {
  actor: Actor;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  request: Request;
};

export function errorResponse(error: AppError, requestId?: string | null): Response {
  return Response.json({ error: error.toJSON() }, { status: error.status, headers: requestId ? { "x-request-id": requestId } : {} });
}

/** Maps any thrown value to a JSON error response; unexpected errors are logged, never shown. */
export function toErrorResponse(e: unknown, request: Request): Response {
  const requestId = request.headers.get("x-request-id");
  if (isAppError(e)) return errorResponse(e, requestId);
  log.error({ err: e, requestId, path: new URL(request.url).pathname }, "unhandled error in route handler");
  return errorResponse(
    new AppError("INTERNAL", `Something went wrong on our side. It was logged${requestId ? ` with request id ${requestId}` : ""}.`),
    requestId,
  );
}

function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD" || request.headers.has("authorization")) return;
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host === host) return;
  throw new AppError("FORBIDDEN", "Cross-site requests with a session cookie are refused; use an API token.");
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}

export function apiRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const actor = await actorFromRequest(request);
      assertSameOrigin(request);
      const rawParams = (await context?.params) ?? {};
      const params = spec.params ? parseInput(spec.params, rawParams, "The path") : undefined;
      const url = new URL(request.url);
      const query = spec.query ? parseInput(spec.query, Object.fromEntries(url.searchParams), "The query") : undefined;
      const body = spec.body ? parseInput(spec.body, await readBody(request), "The request body") : undefined;
      const result = await handler({ actor, params, query, body, request } as RouteContext<P, Q, B>);
      if (result instanceof Response) return result;
      return Response.json(result ?? null, { status: spec.status ?? 200 });
    } catch (e) {
      return toErrorResponse(e, request);
    }
  };
}
