/**
 * Tracker HTTP failures → ProviderError, with the specific sentence a team admin needs ("The token
 * was refused (401).") and, for rate limits, how long to wait — from `Retry-After` or the
 * tracker's rate-limit reset header.
 */
import { ProviderError } from "./provider";

type HeaderSource = Headers | Record<string, string | string[] | number | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value === undefined ? undefined : String(value);
}

/** A reset time in seconds since the epoch, milliseconds since the epoch, or an ISO date → ms from now. */
function untilReset(value: string, now: number): number | undefined {
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    const at = n > 1e12 ? n : n * 1000;
    return Math.max(0, at - now);
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long the tracker asks us to wait, in ms: `Retry-After` (seconds or an HTTP date), else the
 * reset of an exhausted rate limit (GitHub `x-ratelimit-reset`, Linear
 * `x-ratelimit-requests-reset`, Jira `x-ratelimit-reset`). Undefined when it does not say.
 */
export function retryAfterMs(headers: HeaderSource, now = Date.now()): number | undefined {
  const retryAfter = header(headers, "retry-after");
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  for (const name of ["x-ratelimit-reset", "x-ratelimit-requests-reset"]) {
    const value = header(headers, name);
    if (value !== undefined) {
      const ms = untilReset(value, now);
      if (ms !== undefined) return ms;
    }
  }
  return undefined;
}

/** True when a 403 is GitHub's way of saying "rate limited" (no requests left, or a secondary limit). */
export function isRateLimit403(headers: HeaderSource, message: string): boolean {
  return header(headers, "x-ratelimit-remaining") === "0" || header(headers, "retry-after") !== undefined || /rate limit/i.test(message);
}

export type ErrorContext = {
  /** What was being accessed, for 403/404: "the repository acme/payments". */
  what: string;
  /** The credential's name, for 401/403: "token", "API key", "e-mail and API token". */
  credential: string;
  /** The tracker's own explanation, shown for 400/422. */
  detail?: string;
};

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** The ProviderError for an HTTP status from the tracker. */
export function errorForStatus(status: number, context: ErrorContext, headers?: HeaderSource): ProviderError {
  const detail = context.detail ? `: ${context.detail.slice(0, 300)}` : ".";
  const were = / and /.test(context.credential) ? "were" : "was";
  if (status === 401) return new ProviderError("unauthorized", `The ${context.credential} ${were} refused (401). Check that ${were === "were" ? "they are" : "it is"} correct and not expired or revoked.`, { status });
  if (status === 429) {
    const wait = retryAfterMs(headers);
    return new ProviderError("rate-limited", `The tracker is rate limiting Debrief (429)${wait !== undefined ? `; it asked to wait ${seconds(wait)}` : ""}.`, { status, retryAfterMs: wait });
  }
  if (status === 403) return new ProviderError("forbidden", `The ${context.credential} ${were === "were" ? "have" : "has"} no permission for ${context.what} (403)${detail}`, { status });
  if (status === 404 || status === 410) return new ProviderError("not-found", `${capitalise(context.what)} was not found (${status}). Check the settings, and that the ${context.credential} can see it.`, { status });
  if (status >= 500) return new ProviderError("unavailable", `The tracker failed on its side (${status}); Debrief will retry.`, { status });
  return new ProviderError("invalid", `The tracker refused the request (${status})${detail}`, { status });
}

/** A request that never got an answer (refused, reset, timed out). */
export function networkError(e: unknown, url: string): ProviderError {
  let code: string | undefined;
  for (let cursor: unknown = e, depth = 0; cursor instanceof Error && depth < 5; depth++) {
    code ??= (cursor as Error & { code?: string }).code;
    cursor = cursor.cause;
  }
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw value
  }
  return new ProviderError("unavailable", `Could not reach ${host}${code ? ` (${code})` : ""}; Debrief will retry.`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
