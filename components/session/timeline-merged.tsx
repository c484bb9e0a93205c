"use client";

import { ArrowRightToLine, Check, ExternalLink, Split } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { colorFor } from "@/lib/editor/collaboration";
import { KIND_LABEL } from "./timeline-entry-form";
import { sessionTime } from "./session-time";
import { useSessionWrite } from "./use-session-write";

export type MergedEntryView = {
  id: string;
  occurredAt: string | Date;
  description: string;
  kind: string;
  evidenceUrl: string | null;
  accountId: string;
  author: { name: string; label: string };
  own: boolean;
  divergenceIds: string[];
  promotedTo: string[];
};
export type DivergenceView = { id: string; kind: "DESCRIBED_DIFFERENTLY" | "SEEN_BY_ONE" | "GAP"; entryIds: string[]; summary: string };

const DIVERGENCE_LABEL = { DESCRIBED_DIFFERENTLY: "Described differently", SEEN_BY_ONE: "Seen by one person", GAP: "Nothing recorded" } as const;

/** Where the accounts disagree: the facilitator's list of things to talk through. */
export function DivergenceList({ divergences }: { divergences: DivergenceView[] }) {
  if (!divergences.length) return null;
  return (
    <section aria-labelledby="divergences-h" className="rounded-lg border border-warning/40 bg-warning-soft/30 p-4">
      <h3 id="divergences-h" className="flex items-center gap-2 text-sm font-semibold">
        <Split aria-hidden className="size-4 text-warning" /> {divergences.length === 1 ? "One place where perspectives differ" : `${divergences.length} places where perspectives differ`}
      </h3>
      <ul className="mt-2 space-y-1.5 text-sm">
        {divergences.map((d) => (
          <li key={d.id} className="flex flex-wrap items-baseline gap-2">
            <Badge tone="warning">{DIVERGENCE_LABEL[d.kind]}</Badge>
            <a href={`#p-${d.entryIds[0]}`} className="hover:underline">
              {d.summary}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everyone's personal timeline entries interleaved by time, each attributed, divergences marked. */
export function MergedTimeline({
  reviewId,
  entries,
  divergences,
  canContribute,
}: {
  reviewId: string;
  entries: MergedEntryView[];
  divergences: DivergenceView[];
  canContribute: boolean;
}) {
  const { write, busy } = useSessionWrite();
  const byId = new Map(divergences.map((d) => [d.id, d]));
  if (!entries.length) return <p className="text-sm text-muted">No one recorded timeline entries in their account. Build the shared timeline directly.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((e) => {
        const marks = e.divergenceIds.map((id) => byId.get(id)).filter(Boolean) as DivergenceView[];
        return (
          <li
            key={e.id}
            id={`p-${e.id}`}
            className={cn("scroll-mt-24 rounded-md border bg-surface px-3 py-2", marks.length ? "border-warning/60 border-l-4" : "border-border")}
          >
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <time dateTime={new Date(e.occurredAt).toISOString()}>{sessionTime(e.occurredAt, true)}</time>
              <span className="inline-flex items-center gap-1 font-medium text-foreground">
                <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: colorFor(e.accountId) }} />
                {e.author.name}
                {e.own ? " (you)" : ""}
              </span>
              <Badge>{KIND_LABEL[e.kind] ?? e.kind}</Badge>
              {marks.map((d) => (
                <Badge key={d.id} tone="warning">
                  <span title={d.summary}>{DIVERGENCE_LABEL[d.kind]}</span>
                </Badge>
              ))}
            </div>
            <p className="mt-1 text-sm whitespace-pre-wrap">{e.description}</p>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              {e.evidenceUrl ? (
                <a href={e.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-xs text-accent hover:underline">
                  Evidence <ExternalLink aria-hidden className="size-3" />
                </a>
              ) : null}
              {e.promotedTo.length ? (
                <span className="inline-flex items-center gap-1 text-xs text-success">
                  <Check aria-hidden className="size-3.5" /> In the shared timeline
                </span>
              ) : canContribute ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="h-7 px-2 text-xs"
                  disabled={busy}
                  onClick={() => void write(`/api/v1/reviews/${reviewId}/timeline`, "POST", { promoteEntryId: e.id }, "Added to the shared timeline.")}
                >
                  <ArrowRightToLine aria-hidden className="size-3.5" /> Add to shared timeline
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
