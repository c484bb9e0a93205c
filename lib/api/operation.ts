/**
 * The shape of a REST API v1 operation and the small helpers operation declarations share.
 * Declarations live in operations.ts and operations/*.ts; they are merged into `operations`.
 */
import { z } from "zod";
import type { ErrorCode } from "../errors";

type Schema = z.ZodType;

/** A documented error response that says more than the shared one (e.g. a 409 with `details`). */
export type ErrorResponseDoc = { description: string; schema?: Schema };

export type Operation<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
> = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The OpenAPI path; `{name}` segments are the route folder's `[name]`. */
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  tag: "Incidents" | "Reviews" | "Accounts" | "Teams" | "Me" | "Library" | "Insights" | "Organisation";
  /** "session": refused with an API token, e.g. minting more tokens. */
  auth: "token-or-session" | "session";
  params?: P;
  query?: Q;
  body?: B;
  status: 200 | 201 | 204;
  /** The response body's schema; none for 204. */
  response?: R;
  responseDescription: string;
  /** Errors beyond those every operation may answer with (401, and 400 / cross-site 403 where they apply). */
  errors: ErrorCode[];
  /** Error statuses documented specially for this operation, instead of the shared description. */
  errorResponses?: Partial<Record<400 | 403 | 404 | 409, ErrorResponseDoc>>;
};

export function operation<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema | undefined = undefined>(
  op: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  return op;
}

export const id = (what: string) => z.string().min(1).describe(`The ${what}'s id.`);
export const reviewParams = z.object({ id: id("review") });

/** An ISO 8601 date-time with a time zone (Z or ±hh:mm): the API's dates are never ambiguous. */
export const isoDateTime = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `Give ${what} as an ISO 8601 date-time with a time zone, e.g. 2025-03-01T14:30:00Z.` })
    .transform((iso) => new Date(iso));
