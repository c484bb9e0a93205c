"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Hourglass, TimerOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { callApi, toDate, useRefresh } from "./findings-support";

export type WireTimer = { endsAt: string | Date; remainingSeconds: number } | null;

const tick = (notify: () => void) => {
  const id = window.setInterval(notify, 1000);
  return () => window.clearInterval(id);
};
const nowSeconds = () => Math.floor(Date.now() / 1000);
const serverNow = () => null;

/**
 * Seconds left on the session timer, ticking in the browser from `endsAt`. While the server
 * renders and during hydration it is the server's `remainingSeconds`, so the markup matches.
 */
export function useCountdown(timer: WireTimer): number | null {
  const now = useSyncExternalStore(tick, nowSeconds, serverNow);
  if (!timer) return null;
  if (now === null) return timer.remainingSeconds;
  return Math.max(0, Math.ceil(toDate(timer.endsAt).getTime() / 1000 - now));
}

const pad = (n: number) => String(n).padStart(2, "0");
/** 272 → "04:32"; 3725 → "1:02:05". */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function spoken(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [m ? `${m} minute${m === 1 ? "" : "s"}` : "", s ? `${s} second${s === 1 ? "" : "s"}` : ""].filter(Boolean);
  return parts.join(" ") || "0 seconds";
}

/**
 * One polite live region for the whole page, so "Time is up" is announced once even when the
 * agenda strip and the agenda panel both show the timer.
 */
const announced = new Set<string>();
function announcer(): HTMLElement {
  let el = document.getElementById("session-timer-announcer");
  if (!el) {
    el = document.createElement("div");
    el.id = "session-timer-announcer";
    el.setAttribute("aria-live", "polite");
    el.setAttribute("role", "status");
    el.className = "sr-only";
    document.body.appendChild(el);
  }
  return el;
}
function announceOnce(key: string, text: string) {
  if (announced.has(key)) return;
  announced.add(key);
  announcer().textContent = text;
}

/**
 * The timer as everyone sees it: "04:32 left", and gently "Time is up" when it has run out
 * (announced to screen readers once). Nothing when no timer runs.
 */
export function Countdown({ timer, size = "md", className }: { timer: WireTimer; size?: "sm" | "md" | "lg"; className?: string }) {
  const remaining = useCountdown(timer);
  const endsAt = timer ? toDate(timer.endsAt).toISOString() : null;
  // The live region must exist before its text changes for screen readers to announce it.
  useEffect(() => {
    if (endsAt) announcer();
  }, [endsAt]);
  useEffect(() => {
    if (endsAt && remaining === 0) announceOnce(endsAt, "Time is up.");
  }, [endsAt, remaining]);
  if (remaining === null || !endsAt) return null;
  const up = remaining === 0;
  const text = size === "lg" ? "text-3xl" : size === "md" ? "text-lg" : "text-sm";
  return (
    <span
      data-timer-state={up ? "up" : "running"}
      className={cn(
        "inline-flex items-center gap-2 rounded-md px-2 py-0.5 tabular-nums",
        up ? "bg-warning-soft text-foreground" : "text-foreground",
        className,
      )}
    >
      <Hourglass aria-hidden className={cn("shrink-0", size === "lg" ? "size-6" : "size-4", up ? "text-warning" : "text-muted")} />
      {up ? (
        <span className={cn("font-medium", size === "lg" ? "text-xl" : "text-sm")}>Time is up</span>
      ) : (
        <span>
          <span role="timer" aria-label={`${spoken(remaining)} left`} className={cn("font-semibold", text)}>
            {formatCountdown(remaining)}
          </span>{" "}
          <span aria-hidden className="text-xs text-muted">
            left
          </span>
        </span>
      )}
    </span>
  );
}

const PRESETS = [5, 10, 15] as const;

/** The facilitator's timer: start 5, 10 or 15 minutes (replacing a running timer), or clear it. */
export function TimerControls({ reviewId, timer }: { reviewId: string; timer: WireTimer }) {
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<number | "clear" | null>(null);
  const { refresh, refreshing } = useRefresh();
  const busy = sending !== null || refreshing;

  async function set(minutes: number | null) {
    setSending(minutes ?? "clear");
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/session`, "PATCH", { timerMinutes: minutes });
    setSending(null);
    if (!r.ok) {
      setError(r.error.fields?.timerMinutes?.join(" ") ?? r.error.message);
      return;
    }
    toast.success(minutes ? `Timer started: ${minutes} minutes.` : "Timer cleared.");
    refresh();
  }

  return (
    <div className="space-y-1.5">
      <div role="group" aria-label="Timer" className="flex flex-wrap items-center gap-2">
        {PRESETS.map((m) => (
          <Button key={m} variant="secondary" size="sm" disabled={busy} aria-label={`Start a ${m}-minute timer`} onClick={() => void set(m)}>
            {sending === m ? "Starting…" : `${m} min`}
          </Button>
        ))}
        {timer ? (
          <Button variant="ghost" size="sm" disabled={busy} onClick={() => void set(null)}>
            <TimerOff aria-hidden className="size-4" />
            {sending === "clear" ? "Clearing…" : "Clear timer"}
          </Button>
        ) : null}
      </div>
      {timer ? <p className="text-xs text-muted">Starting a new timer replaces the running one.</p> : null}
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
