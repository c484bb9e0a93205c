"use client";

import { AlertTriangle, Check, CloudOff, Loader2 } from "lucide-react";
import type { SaveState } from "./use-account-autosave";

const time = (d: Date) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Always-visible save state: saving… / saved at hh:mm / offline — changes kept on this device. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const base = "inline-flex items-center gap-1.5 text-xs";
  return (
    <span role="status" aria-live="polite" className={base} data-save-state={state.kind}>
      {state.kind === "saving" ? (
        <>
          <Loader2 aria-hidden className="size-3.5 animate-spin text-muted" /> Saving…
        </>
      ) : state.kind === "saved" ? (
        <>
          <Check aria-hidden className="size-3.5 text-success" /> Saved at {time(state.at)}
        </>
      ) : state.kind === "offline" ? (
        <span className="inline-flex items-center gap-1.5 text-warning">
          <CloudOff aria-hidden className="size-3.5" /> Offline — changes kept on this device
        </span>
      ) : state.kind === "error" ? (
        <span className="inline-flex items-center gap-1.5 text-danger">
          <AlertTriangle aria-hidden className="size-3.5" /> {state.message}
        </span>
      ) : state.kind === "conflict" ? (
        <span className="inline-flex items-center gap-1.5 text-warning">
          <AlertTriangle aria-hidden className="size-3.5" /> Changed elsewhere — choose a version
        </span>
      ) : (
        <span className="text-muted">All changes are saved automatically</span>
      )}
    </span>
  );
}
