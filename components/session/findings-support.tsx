"use client";

/**
 * What the session's client components share: props as they arrive from a server page, JSON calls
 * to the REST API with its errors kept whole, a refresh that keeps a form open until the fresh
 * data is on screen, and times formatted in the browser with the zone named.
 */
import { useRouter } from "next/navigation";
import { useCallback, useSyncExternalStore, useTransition } from "react";

/** A server value as a client component receives it: Dates may arrive as ISO strings. */
export type Wire<T> = T extends Date ? string | Date : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type FieldErrors = Record<string, string[]>;
export type ApiFailure = { message: string; fields?: FieldErrors };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

const OFFLINE = "You seem to be offline. Nothing was saved; what you typed is still here — try again when you are back online.";

/** A same-origin JSON call to the REST API (the session cookie authenticates it). */
export async function callApi<T = unknown>(url: string, method: "GET" | "POST" | "PATCH" | "DELETE", body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, error: { message: OFFLINE } };
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const error = json?.error as ApiFailure | undefined;
    return { ok: false, error: { message: error?.message ?? `That did not work (HTTP ${res.status}). Try again in a moment.`, fields: error?.fields } };
  }
  return { ok: true, data: json as T };
}

/**
 * Re-renders the page on the server after a write. `then` runs in the same transition, so a form
 * closes in the same frame as the fresh data appears — no flash of the old state.
 */
export function useRefresh() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const refresh = useCallback(
    (then?: () => void) =>
      startTransition(() => {
        then?.();
        router.refresh();
      }),
    [router],
  );
  return { refresh, refreshing: pending };
}

const noop = () => () => {};
/** False while the server renders and during hydration, true afterwards (no mismatch). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

export const toDate = (d: string | Date) => (typeof d === "string" ? new Date(d) : d);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "exact" | "clock", timeZone: string | undefined) {
  const key = `${kind}:${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      "en-GB",
      kind === "exact"
        ? { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" }
        : { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" },
    );
    formatters.set(key, f);
  }
  return f;
}

/** "20 Nov 2026, 14:05 CET". */
export const formatExact = (d: Date, timeZone?: string) => formatter("exact", timeZone).format(d);
/** "20 Nov, 14:05 CET" — for timeline entries. */
export const formatClock = (d: Date, timeZone?: string) => formatter("clock", timeZone).format(d);

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
/** "3 hours ago", "just now". */
export function formatRelative(d: Date, now = Date.now()): string {
  const diff = d.getTime() - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return "just now";
  for (const [unit, ms] of UNITS) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(Math.round(diff / 60_000), "minute");
}

/**
 * A time in the viewer's zone, named. With `timeZone` (the viewer's zone from the server) the
 * server and the browser render the same text; without it the browser's zone is used once
 * hydrated (UTC until then). Relative times show the exact time on hover.
 */
export function LocalTime({ date, timeZone, relative, clock, className }: { date: string | Date; timeZone?: string; relative?: boolean; clock?: boolean; className?: string }) {
  const hydrated = useHydrated();
  const d = toDate(date);
  const zone = timeZone ?? (hydrated ? undefined : "UTC");
  const exact = formatExact(d, zone);
  const text = relative ? (hydrated ? formatRelative(d) : exact) : clock ? formatClock(d, zone) : exact;
  return (
    <time dateTime={d.toISOString()} title={exact} className={className}>
      {text}
    </time>
  );
}
