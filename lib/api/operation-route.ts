/**
 * Builds a REST route handler from an operation declared in operations.ts: apiRoute does the
 * actor, cross-site check, input parsing and error mapping; this adds what the operation says —
 * session-only operations refuse API tokens, and the result is encoded through the response
 * schema (unknown fields dropped, dates as ISO strings) with the operation's status.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { apiRoute, type RouteContext } from "../http/route";
import type { Operation } from "./operations";

type Schema = z.ZodType;

/**
 * What the handler returns: the response schema's server-side (decoded) type, or nothing for 204 —
 * or a Response, sent as it is: the body of an operation without a JSON response (a stream), or
 * another representation the operation documents (a metric as CSV).
 */
type Result<R> = R extends Schema ? z.output<R> | Response : void | Response;

export function operationRoute<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema | undefined>(
  op: Operation<P, Q, B, R>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<Result<R>>,
) {
  return apiRoute<P, Q, B>({ params: op.params, query: op.query, body: op.body }, async (ctx) => {
    if (op.auth === "session" && ctx.request.headers.has("authorization")) {
      throw new AppError("FORBIDDEN", "This needs a signed-in session; an API token cannot be used for it.");
    }
    const result = await handler(ctx);
    if (result instanceof Response) return result;
    const headers = { "cache-control": "no-store" };
    if (!op.response) return new Response(null, { status: op.status, headers });
    return Response.json(z.encode(op.response, result as z.output<Schema>), { status: op.status, headers });
  });
}
