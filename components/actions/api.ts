"use client";

import { callApi, type ApiResult } from "@/components/session/findings-support";

const OFFLINE = "You seem to be offline. Nothing was saved; what you typed is still here — try again when you are back online.";

/** callApi (components/session/findings-support.tsx) for the methods it does not take: a same-origin JSON PUT. */
export async function putApi<T = unknown>(url: string, body: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method: "PUT", headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body), cache: "no-store" });
  } catch {
    return { ok: false, error: { message: OFFLINE } };
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) return { ok: false, error: { message: json?.error?.message ?? `That did not work (HTTP ${res.status}). Try again in a moment.`, fields: json?.error?.fields } };
  return { ok: true, data: json as T };
}

export { callApi };
