"use client";

import Link from "next/link";
import { Maximize2, Minimize2 } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { CollabProvider, Presence } from "./collab-context";
import { LiveRefresh } from "./live-refresh";
import { SESSION_TABS, type SessionTab } from "./tabs";



const LARGE_KEY = "debrief:session:large-text";

/**
 * The session workspace's frame: presence, live updates, the tabs, and a large-text mode for a
 * meeting-room display. The narrative connection lives here, so presence shows on every tab.
 */
export function SessionShell({
  reviewId,
  me,
  tab,
  live,
  header,
  strip,
  children,
}: {
  reviewId: string;
  me: { id: string; name: string };
  tab: SessionTab;
  /** False after the session (read-only, no live updates needed). */
  live: boolean;
  header: React.ReactNode;
  strip?: React.ReactNode;
  children: React.ReactNode;
}) {
  const [large, setLarge] = useState(false);
  useEffect(() => {
    // Remembered per device: the meeting-room screen keeps its setting.
    setLarge(window.localStorage.getItem(LARGE_KEY) === "1"); // eslint-disable-line react-hooks/set-state-in-effect
  }, []);
  const toggleLarge = () => {
    setLarge((l) => {
      window.localStorage.setItem(LARGE_KEY, l ? "0" : "1");
      return !l;
    });
  };
  return (
    <CollabProvider reviewId={reviewId} me={me}>
      <div className={cn("space-y-4", large && "session-large")}>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">{header}</div>
          <div className="flex flex-wrap items-center gap-3">
            {live ? <LiveRefresh reviewId={reviewId} /> : null}
            <Presence />
            <button
              type="button"
              onClick={toggleLarge}
              aria-pressed={large}
              className="inline-flex items-center gap-1.5 rounded-md border border-border px-2 py-1 text-xs hover:bg-surface-muted"
            >
              {large ? <Minimize2 aria-hidden className="size-3.5" /> : <Maximize2 aria-hidden className="size-3.5" />} Large text
            </button>
          </div>
        </div>
        {strip}
        <nav aria-label="Session" className="flex gap-1 overflow-x-auto border-b border-border">
          {SESSION_TABS.map(([id, label]) => (
            <Link
              key={id}
              href={`/reviews/${reviewId}/session?tab=${id}`}
              aria-current={tab === id ? "page" : undefined}
              scroll={false}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap",
                tab === id ? "border-accent font-medium text-foreground" : "border-transparent text-muted hover:text-foreground",
              )}
            >
              {label}
            </Link>
          ))}
        </nav>
        <div>{children}</div>
      </div>
    </CollabProvider>
  );
}
