"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CommentThread } from "./comment-thread";
import type { WireEntry, WireFinding } from "./findings-form";
import { FindingHints } from "./findings-hints";
import { callApi, LocalTime, toDate, useRefresh } from "./findings-support";

/** Where a shared timeline entry is shown: the Timeline tab of the session workspace, at its anchor. */
export const entryHref = (entryId: string) => `?tab=timeline#entry-${entryId}`;

/** One finding on the board: what it says, the timeline entries that support it, its comments and, for contributors, edit and delete. */
export function FindingCard({
  reviewId,
  finding,
  entriesById,
  canContribute,
  canComment,
  timeZone,
  editing,
  onEdit,
}: {
  reviewId: string;
  finding: WireFinding;
  entriesById: Map<string, WireEntry>;
  canContribute: boolean;
  canComment: boolean;
  timeZone?: string;
  /** Whether the board's form is editing this finding. */
  editing: boolean;
  onEdit: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { refresh, refreshing } = useRefresh();
  const evidence = finding.evidenceEntryIds
    .map((id) => entriesById.get(id))
    .filter((e): e is WireEntry => !!e)
    .sort((a, b) => toDate(a.occurredAt).getTime() - toDate(b.occurredAt).getTime());
  const headingId = `finding-${finding.id}-title`;

  async function remove() {
    setDeleting(true);
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/findings/${finding.id}`, "DELETE");
    setDeleting(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    toast.success("Finding deleted.");
    // The card goes away: keep the keyboard in its column.
    document.getElementById(`findings-${finding.category.toLowerCase()}`)?.focus({ preventScroll: true });
    refresh();
  }

  return (
    <article id={`finding-${finding.id}`} aria-labelledby={headingId} className={cn("scroll-mt-24 space-y-2 rounded-lg border bg-surface p-3 shadow-xs", editing ? "border-accent ring-2 ring-accent/20" : "border-border", (deleting || refreshing) && "opacity-60")}>
      <h4 id={headingId} className="text-sm leading-snug font-semibold break-words">
        {finding.title}
      </h4>
      {finding.description ? <p className="text-sm break-words whitespace-pre-wrap text-foreground/90">{finding.description}</p> : null}
      <FindingHints hints={finding.hints} />
      {evidence.length ? (
        <div>
          <h5 className="text-xs font-medium text-muted">Supported by</h5>
          <ul className="mt-1 space-y-1">
            {evidence.map((e) => (
              <li key={e.id} className="text-xs">
                <Link href={entryHref(e.id)} className="group block rounded-sm hover:text-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
                  <LocalTime date={e.occurredAt} timeZone={timeZone} clock className="text-muted group-hover:text-accent" />{" "}
                  <span className="break-words underline decoration-border underline-offset-2 group-hover:decoration-accent">{e.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="border-t border-border pt-2">
        <CommentThread
          reviewId={reviewId}
          targetType="FINDING"
          targetId={finding.id}
          count={finding.commentCount}
          canComment={canComment}
          timeZone={timeZone}
          label={`the finding “${finding.title}”`}
          actions={
            canContribute ? (
              <div className="flex gap-0.5">
                <Button
                  variant="ghost"
                  size="sm"
                  data-edit-finding={finding.id}
                  className={cn("h-7 px-2 text-xs text-muted hover:text-foreground", editing && "bg-accent-soft text-foreground")}
                  aria-label={`Edit the finding “${finding.title}”`}
                  aria-expanded={editing}
                  aria-controls={editing ? "findings-composer" : undefined}
                  onClick={onEdit}
                >
                  <Pencil aria-hidden className="size-3.5" />
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  className="h-7 px-2 text-xs text-muted hover:text-danger"
                  aria-label={`Delete the finding “${finding.title}”`}
                  disabled={deleting}
                  onClick={() => setConfirming(true)}
                >
                  <Trash2 aria-hidden className="size-3.5" />
                  {deleting ? "Deleting…" : "Delete"}
                </Button>
              </div>
            ) : null
          }
        />
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this finding?"
        description={
          <>
            <p>“{finding.title}” is removed from the board for everyone, with its comments.</p>
            <p>The timeline entries that support it stay in the shared timeline.</p>
          </>
        }
        confirmLabel="Delete finding"
        confirmVariant="danger"
        onConfirm={() => void remove()}
      />
    </article>
  );
}
