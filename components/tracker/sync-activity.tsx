import Link from "next/link";
import { ExternalLink } from "lucide-react";
import type { AnyFormAction } from "@/components/ui/action-types";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { SyncActivityItem } from "@/lib/backlog/list-sync-activity";
import { RetryPushButton } from "./retry-push-button";

const STATE: Record<string, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Sending", tone: "accent" },
  SYNCED: { label: "In tracker", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};
const STATUS: Record<string, string> = { OPEN: "Open", IN_PROGRESS: "In progress", DONE: "Done", WONT_DO: "Won’t do" };

/** The team's actions sent to its tracker lately, with their key, link, status and any failure. */
export function SyncActivity({ items, retry, canRetry }: { items: SyncActivityItem[]; retry: AnyFormAction; canRetry: boolean }) {
  if (!items.length) return <p className="text-sm text-muted">No action of this team has been sent to a tracker yet.</p>;
  return (
    <ul className="divide-y divide-border">
      {items.map((a) => {
        const state = STATE[a.syncState] ?? { label: a.syncState, tone: "neutral" as const };
        return (
          <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3" aria-label={a.title}>
            <div className="min-w-0 space-y-1">
              <Link href={`/reviews/${a.review.id}/actions`} className="block truncate text-sm font-medium hover:underline">
                {a.title}
              </Link>
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <Badge tone={state.tone}>{state.label}</Badge>
                <span>{STATUS[a.status] ?? a.status}</span>
                {a.externalKey ? (
                  a.externalUrl ? (
                    <a href={a.externalUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 font-mono text-foreground hover:underline">
                      {a.externalKey}
                      <ExternalLink aria-hidden className="size-3" />
                    </a>
                  ) : (
                    <span className="font-mono text-foreground">{a.externalKey}</span>
                  )
                ) : null}
                {a.lastSyncedAt ? (
                  <span>
                    synced <Time date={a.lastSyncedAt} relative />
                  </span>
                ) : null}
              </div>
              {a.syncError ? <p className={`text-xs ${a.syncState === "FAILED" ? "text-danger" : "text-muted"}`}>{a.syncError}</p> : null}
            </div>
            {canRetry && a.syncState === "FAILED" ? <RetryPushButton actionId={a.id} title={a.title} action={retry} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
