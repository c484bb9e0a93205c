"use client";

import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import { useState } from "react";
import { callApi, LocalTime } from "@/components/session/findings-support";

type Item = { id: string; at: string; direction: "OUT" | "IN"; kind: string; summary: string };

/**
 * An action's exchanges with its tracker (GET /api/v1/action-items/{id}/sync-history), loaded
 * when opened and again each time it is reopened, so it shows what came back since.
 */
export function SyncHistory({ actionId, title, timeZone }: { actionId: string; title: string; timeZone?: string }) {
  const [state, setState] = useState<{ items: Item[] } | { error: string } | null>(null);
  const [loading, setLoading] = useState(false);

  async function load() {
    setLoading(true);
    const res = await callApi<{ items: Item[] }>(`/api/v1/action-items/${actionId}/sync-history`, "GET");
    setLoading(false);
    setState(res.ok ? { items: res.data.items } : { error: res.error.message });
  }

  return (
    <details className="group text-xs" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary className="w-fit cursor-pointer rounded text-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring" aria-label={`Sync history: ${title}`}>
        Sync history
      </summary>
      <div className="mt-1.5" aria-live="polite" aria-busy={loading}>
        {state === null || (loading && !("items" in state)) ? (
          <p className="text-muted">Loading…</p>
        ) : "error" in state ? (
          <p role="alert" className="text-danger">
            {state.error}
          </p>
        ) : state.items.length === 0 ? (
          <p className="text-muted">Nothing sent or received yet.</p>
        ) : (
          <ol className="space-y-1 border-l border-border pl-3" aria-label={`Sync history of “${title}”`}>
            {state.items.map((item) => (
              <li key={item.id} className="grid grid-cols-[auto_1fr] gap-x-1.5">
                {item.direction === "OUT" ? (
                  <ArrowUpRight aria-label="To the tracker" className="mt-0.5 size-3 text-accent" />
                ) : (
                  <ArrowDownLeft aria-label="From the tracker" className="mt-0.5 size-3 text-success" />
                )}
                <span>
                  {item.summary}{" "}
                  <span className="whitespace-nowrap text-muted">
                    · <LocalTime date={item.at} timeZone={timeZone} relative />
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
