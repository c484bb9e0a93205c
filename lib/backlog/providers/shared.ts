/** Small pieces the providers share: request timeouts and the JSON of a verified webhook body. */
import { ProviderError, WebhookRejected } from "../provider";

/** How long one tracker request may take before it counts as a network failure (retried). */
export const REQUEST_TIMEOUT_MS = 20_000;

/** `fetch` with a per-request timeout (unless the caller brought its own signal). */
export function withTimeout(f: typeof fetch, ms = REQUEST_TIMEOUT_MS): typeof fetch {
  return (input, init) => f(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

/** JSON of a verified body as an object, or a 400 (nothing is stored). */
export function parseJson(rawBody: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(rawBody.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new WebhookRejected(400, "The body is not a JSON object.");
}

/** A value from a JSON object, if it is a string. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Rejects with an `unavailable` ProviderError when `work` takes longer than the request timeout. */
export async function raceTimeout<T>(tracker: string, work: Promise<T>, ms = REQUEST_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderError("unavailable", `${tracker} did not answer within ${Math.round(ms / 1000)} s; Debrief will retry.`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
