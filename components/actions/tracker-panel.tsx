"use client";

import { Send } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { LocalTime, useRefresh } from "@/components/session/findings-support";
import { SyncState, type SyncInfo } from "./action-badges";
import { SyncHistory } from "./sync-history";

const UNAVAILABLE = "Pushing to a tracker is not available on this server yet. The action stays agreed; nothing was lost.";
const OFFLINE = "You seem to be offline. Nothing was sent; try again when you are back online.";

/**
 * Asks the server to push an action to its team's tracker (POST /api/v1/action-items/{id}/push).
 * An endpoint that does not exist (a 404 that is not the API's JSON) is reported as "not
 * available yet" rather than as an error of the action.
 */
async function requestPush(actionId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/action-items/${actionId}/push`, { method: "POST", headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    return { ok: false, message: OFFLINE };
  }
  if (res.ok) return { ok: true };
  const json = (res.headers.get("content-type") ?? "").includes("application/json") ? await res.json().catch(() => null) : null;
  if (!json?.error) return { ok: false, message: res.status === 404 || res.status === 405 ? UNAVAILABLE : `The push did not start (HTTP ${res.status}). Try again in a moment.` };
  return { ok: false, message: json.error.message as string };
}

/**
 * An action's tracker state: the sync state, the key and link, the last error, when it
 * last synced, and — for agreed actions not yet in the tracker, or after a failure — "Push to
 * tracker" (or "Retry push").
 */
export function TrackerPanel({ actionId, title, sync, lastSyncedAt, agreed, canPush, timeZone }: { actionId: string; title: string; sync: SyncInfo; lastSyncedAt: string | Date | null; agreed: boolean; canPush: boolean; timeZone?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { refresh, refreshing } = useRefresh();
  const pushable = agreed && canPush && (sync.state === "LOCAL" || sync.state === "FAILED");

  async function push() {
    setBusy(true);
    setError(null);
    const result = await requestPush(actionId);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    toast.success("Sent to the tracker. Its key appears here once the tracker has it.");
    refresh();
  }

  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <span className="text-xs font-medium text-muted">Tracker</span>
        <SyncState sync={sync} />
        {lastSyncedAt && sync.state === "SYNCED" ? (
          <span className="text-xs text-muted">
            synced <LocalTime date={lastSyncedAt} timeZone={timeZone} relative />
          </span>
        ) : null}
        {pushable ? (
          <Button variant="secondary" size="sm" className="h-7 px-2 text-xs" disabled={busy || refreshing} onClick={() => void push()} aria-label={`${sync.state === "FAILED" ? "Retry push" : "Push to tracker"}: ${title}`}>
            <Send aria-hidden className="size-3.5" />
            {busy ? "Pushing…" : sync.state === "FAILED" ? "Retry push" : "Push to tracker"}
          </Button>
        ) : null}
      </div>
      {sync.state === "FAILED" && sync.error ? <p className="text-xs text-danger">Last error: {sync.error}</p> : null}
      {!agreed ? <p className="text-xs text-muted">Goes to the team&apos;s tracker once agreed.</p> : null}
      {sync.state !== "LOCAL" ? <SyncHistory actionId={actionId} title={title} timeZone={timeZone} /> : null}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
