"use client";

import { ExternalLink, Merge, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CommentThread } from "./comment-thread";
import { entryPayload, KEY_MOMENT_LABEL, KIND_LABEL, TimelineEntryForm } from "./timeline-entry-form";
import { sessionTime } from "./session-time";
import { useSessionWrite } from "./use-session-write";

export type SharedEntryClient = {
  id: string;
  occurredAt: string | Date;
  description: string;
  kind: string;
  evidenceUrl: string | null;
  keyMoment: string | null;
  sourceEntryIds: string[];
  findingIds: string[];
  commentCount: number;
};

/** The timeline the group builds together: add, edit, merge duplicates, mark key moments. */
export function SharedTimeline({
  reviewId,
  entries,
  canContribute,
  canComment,
  timeZone,
}: {
  reviewId: string;
  entries: SharedEntryClient[];
  canContribute: boolean;
  canComment: boolean;
  timeZone?: string;
}) {
  const base = `/api/v1/reviews/${reviewId}/timeline`;
  const add = useSessionWrite();
  const edit = useSessionWrite();
  const other = useSessionWrite();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<SharedEntryClient | null>(null);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <div className="space-y-3">
      {canContribute && selected.length >= 2 ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-accent-soft px-3 py-2 text-sm">
          <span>{selected.length} entries selected</span>
          <Button
            size="sm"
            disabled={other.busy}
            onClick={async () => {
              if (await other.write(`${base}/merge`, "POST", { entryIds: selected }, "Merged into one entry.")) setSelected([]);
            }}
          >
            <Merge aria-hidden className="size-4" /> Merge into one
          </Button>
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          Nothing in the shared timeline yet. Add entries from everyone&apos;s timelines, or write new ones.
        </p>
      ) : (
        <ol className="space-y-2">
          {entries.map((e) => (
            <li key={e.id} id={`entry-${e.id}`} className="scroll-mt-24 rounded-md border border-border bg-surface px-3 py-2">
              {editing === e.id ? (
                <TimelineEntryForm
                  initial={e}
                  submitLabel="Save entry"
                  busy={edit.busy}
                  errors={edit.errors}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (form) => {
                    if (await edit.write(`${base}/${e.id}`, "PATCH", entryPayload(form, "update"))) setEditing(null);
                  }}
                />
              ) : (
                <>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    {canContribute ? (
                      <input
                        type="checkbox"
                        aria-label={`Select the entry at ${sessionTime(e.occurredAt)} to merge`}
                        checked={selected.includes(e.id)}
                        onChange={() => toggle(e.id)}
                        className="accent-[var(--accent)]"
                      />
                    ) : null}
                    <time dateTime={new Date(e.occurredAt).toISOString()}>{sessionTime(e.occurredAt, true)}</time>
                    <Badge>{KIND_LABEL[e.kind] ?? e.kind}</Badge>
                    {e.keyMoment ? <Badge tone="accent">{KEY_MOMENT_LABEL[e.keyMoment]}</Badge> : null}
                    {e.sourceEntryIds.length ? <span>from {e.sourceEntryIds.length === 1 ? "one account" : `${e.sourceEntryIds.length} accounts`}</span> : null}
                    {e.findingIds.length ? <span>supports {e.findingIds.length === 1 ? "a finding" : `${e.findingIds.length} findings`}</span> : null}
                  </div>
                  <p className="mt-1 text-sm whitespace-pre-wrap">{e.description}</p>
                  <div className="mt-1 flex flex-wrap items-center gap-2">
                    {e.evidenceUrl ? (
                      <a href={e.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-xs text-accent hover:underline">
                        Source <ExternalLink aria-hidden className="size-3" />
                      </a>
                    ) : null}
                    {canContribute ? (
                      <>
                        <button type="button" onClick={() => setEditing(e.id)} className="rounded p-1 text-muted hover:text-foreground" aria-label={`Edit the entry at ${sessionTime(e.occurredAt)}`}>
                          <Pencil aria-hidden className="size-3.5" />
                        </button>
                        <button type="button" onClick={() => setDeleting(e)} className="rounded p-1 text-muted hover:text-danger" aria-label={`Delete the entry at ${sessionTime(e.occurredAt)}`}>
                          <Trash2 aria-hidden className="size-3.5" />
                        </button>
                      </>
                    ) : null}
                    <CommentThread reviewId={reviewId} targetType="TIMELINE_ENTRY" targetId={e.id} count={e.commentCount} canComment={canComment} timeZone={timeZone} />
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {canContribute ? (
        adding ? (
          <div className="rounded-lg border border-dashed border-border p-3">
            <TimelineEntryForm
              key={formKey}
              submitLabel="Add to shared timeline"
              busy={add.busy}
              errors={add.errors}
              onCancel={() => setAdding(false)}
              onSubmit={async (form) => {
                if (await add.write(base, "POST", entryPayload(form), "Entry added.")) {
                  setFormKey((k) => k + 1);
                  setAdding(false);
                }
              }}
            />
          </div>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
            <Plus aria-hidden className="size-4" /> Add an entry
          </Button>
        )
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this entry?"
        description={<p>It leaves the shared timeline and stops supporting any finding. Personal timelines are not changed.</p>}
        confirmLabel="Delete entry"
        confirmVariant="danger"
        onConfirm={() => {
          if (deleting) void other.write(`${base}/${deleting.id}`, "DELETE", undefined, "Entry deleted.");
          setDeleting(null);
        }}
      />
    </div>
  );
}
