"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

export type FieldErrors = Record<string, string[]> | undefined;

/**
 * Writes to the session's REST API and refreshes the page on success. Returns the JSON body, or
 * null after showing the error (field errors are returned to the form, which keeps its input).
 */
export function useSessionWrite() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>();
  async function write<T = unknown>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown, success?: string): Promise<T | null> {
    setBusy(true);
    try {
      const res = await fetch(url, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = res.status === 204 ? {} : await res.json().catch(() => null);
      if (!res.ok) {
        setErrors(json?.error?.fields);
        if (!json?.error?.fields) toast.error(json?.error?.message ?? "That did not work. Please try again.");
        return null;
      }
      setErrors(undefined);
      if (success) toast.success(success);
      router.refresh();
      return json as T;
    } catch {
      toast.error("You seem to be offline. Nothing was changed; try again when you are back online.");
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { write, busy, errors, setErrors };
}
