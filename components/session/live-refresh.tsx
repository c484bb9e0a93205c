"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const EVENTS = ["timeline.changed", "findings.changed", "session.changed", "comments.changed"];

/**
 * Keeps the session page live: subscribes to the review's Server-Sent Events and re-renders the
 * page (on the server, with fresh data) when someone changes the timeline, findings, agenda or
 * comments. Bursts of events cause one refresh.
 */
export function LiveRefresh({ reviewId }: { reviewId: string }) {
  const router = useRouter();
  const [state, setState] = useState<"live" | "reconnecting" | "closed">("reconnecting");
  const [closedReason, setClosedReason] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const source = new EventSource(`/api/v1/reviews/${reviewId}/events`);
    const refresh = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => router.refresh(), 250);
    };
    source.addEventListener("ready", () => setState("live"));
    source.onerror = () => setState((s) => (s === "closed" ? s : "reconnecting"));
    for (const type of EVENTS) source.addEventListener(type, refresh);
    source.addEventListener("closed", (e) => {
      setState("closed");
      try {
        setClosedReason(JSON.parse((e as MessageEvent).data).reason);
      } catch {
        setClosedReason(null);
      }
      source.close();
    });
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reviewId, router]);
  if (state === "closed") {
    return (
      <p role="alert" className="text-xs text-danger">
        {closedReason ?? "Live updates stopped."}
      </p>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted" role="status" data-live-state={state}>
      <span aria-hidden className={`size-2 rounded-full ${state === "live" ? "bg-success" : "bg-warning"}`} />
      {state === "live" ? "Live" : "Reconnecting…"}
    </span>
  );
}
