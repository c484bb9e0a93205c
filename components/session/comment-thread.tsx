"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { CornerDownRight, MessageSquare, Trash2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Textarea } from "@/components/ui/field";
import type { CommentView } from "@/lib/comments/comment-targets";
import { callApi, LocalTime, useRefresh, type ApiFailure, type Wire } from "./findings-support";

type Comment = Wire<CommentView>;
type CommentList = { comments: Comment[]; abilities: { facilitate: boolean; comment: boolean } };

const MENTION_HINT = "@name or @e-mail notifies a participant.";
const MAX_DEPTH = 3;

/**
 * The comments on a finding or a shared timeline entry: a "Comments (n)" button that opens the
 * thread (replies indented under what they answer), a box to add one — mentions notify — and
 * delete for its author (and whoever runs the session). Loaded when opened, reloaded when the
 * count changes (someone else commented and the page refreshed).
 */
export function CommentThread({
  reviewId,
  targetType,
  targetId,
  count,
  canComment,
  timeZone,
  label,
  actions,
}: {
  reviewId: string;
  targetType: "FINDING" | "TIMELINE_ENTRY";
  targetId: string;
  count: number;
  canComment: boolean;
  /** The viewer's timezone (from the server); the browser's when absent. */
  timeZone?: string;
  /** What the comments are on, for screen readers: "the finding “…”". */
  label?: string;
  /** Buttons shown on the same row as "Comments (n)" (the thread opens below both). */
  actions?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<CommentList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const panelId = useId();
  const toggleButton = useRef<HTMLButtonElement>(null);
  const url = `/api/v1/reviews/${reviewId}/comments`;

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void callApi<CommentList>(`${url}?targetType=${targetType}&targetId=${encodeURIComponent(targetId)}`, "GET").then((r) => {
      if (cancelled) return;
      if (r.ok) {
        setList(r.data);
        setLoadError(null);
      } else setLoadError(r.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [open, count, reload, url, targetType, targetId]);

  const comments = list?.comments ?? [];
  const shown = list ? comments.length : count;
  const moderate = list?.abilities.facilitate ?? false;
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string | null, Comment[]>();
  for (const c of comments) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }

  const added = (c: Comment) => {
    setList((l) => (l ? { ...l, comments: [...l.comments, c] } : l));
    setReplyTo(null);
  };
  const removed = (id: string) => {
    // The replies go with it.
    setList((l) => {
      if (!l) return l;
      const gone = new Set([id]);
      for (const c of l.comments) if (c.parentId && gone.has(c.parentId)) gone.add(c.id);
      return { ...l, comments: l.comments.filter((c) => !gone.has(c.id)) };
    });
  };

  function renderThread(parent: string | null, depth: number) {
    const items = children.get(parent) ?? [];
    if (!items.length) return null;
    return (
      <ol className={cn("space-y-3", depth > 0 && depth <= MAX_DEPTH && "mt-3 ml-1.5 border-l-2 border-border pl-3")}>
        {items.map((c) => (
          <li key={c.id}>
            <CommentItem
              comment={c}
              reviewId={reviewId}
              timeZone={timeZone}
              canReply={canComment}
              canDelete={(c.mine && canComment) || moderate}
              replying={replyTo === c.id}
              onReply={() => setReplyTo((r) => (r === c.id ? null : c.id))}
              onDeleted={() => {
                // The comment goes away: keep the keyboard on its thread.
                toggleButton.current?.focus();
                removed(c.id);
              }}
            />
            {replyTo === c.id ? (
              <div className="mt-2 ml-1.5 border-l-2 border-accent/40 pl-3">
                <CommentForm
                  reviewId={reviewId}
                  targetType={targetType}
                  targetId={targetId}
                  parent={c}
                  onAdded={added}
                  onCancel={() => setReplyTo(null)}
                />
              </div>
            ) : null}
            {renderThread(c.id, depth + 1)}
          </li>
        ))}
      </ol>
    );
  }

  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
        <Button
          ref={toggleButton}
          variant="ghost"
          size="sm"
          className="-ml-2 h-7 px-2 text-xs text-muted hover:text-foreground"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={label ? `Comments (${shown}) on ${label}` : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <MessageSquare aria-hidden className="size-3.5" />
          Comments ({shown})
        </Button>
        {actions}
      </div>
      <div id={panelId} hidden={!open} className="mt-2 space-y-3">
        {open ? (
          <>
            {loadError ? (
              <Alert tone="error">
                {loadError}{" "}
                <button type="button" className="font-medium underline" onClick={() => setReload((n) => n + 1)}>
                  Try again
                </button>
              </Alert>
            ) : !list ? (
              <div aria-busy="true" aria-label="Loading comments" className="space-y-2">
                {Array.from({ length: Math.min(Math.max(count, 1), 3) }, (_, i) => (
                  <div key={i} className="space-y-1.5">
                    <div className="h-3 w-28 animate-pulse rounded bg-surface-muted motion-reduce:animate-none" />
                    <div className="h-3 w-full animate-pulse rounded bg-surface-muted motion-reduce:animate-none" />
                  </div>
                ))}
              </div>
            ) : comments.length ? (
              renderThread(null, 0)
            ) : (
              <p className="text-xs text-muted">{canComment ? "No comments yet. Ask a question or add what you saw." : "No comments yet."}</p>
            )}
            {canComment && list ? <CommentForm reviewId={reviewId} targetType={targetType} targetId={targetId} onAdded={added} /> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

function CommentItem({
  comment,
  reviewId,
  timeZone,
  canReply,
  canDelete,
  replying,
  onReply,
  onDeleted,
}: {
  comment: Comment;
  reviewId: string;
  timeZone?: string;
  canReply: boolean;
  canDelete: boolean;
  replying: boolean;
  onReply: () => void;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { refresh } = useRefresh();
  const author = comment.author?.name ?? "A former participant";

  async function remove() {
    setDeleting(true);
    const r = await callApi(`/api/v1/reviews/${reviewId}/comments/${comment.id}`, "DELETE");
    setDeleting(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    toast.success("Comment deleted.");
    onDeleted();
    refresh();
  }

  return (
    <article id={`comment-${comment.id}`} aria-label={`Comment by ${author}`} className="scroll-mt-24 text-sm">
      <header className="flex flex-wrap items-baseline gap-x-2 text-xs">
        <span className="font-medium text-foreground">{author}</span>
        <LocalTime date={comment.createdAt} timeZone={timeZone} relative className="text-muted" />
      </header>
      <p className="mt-0.5 break-words whitespace-pre-wrap">{comment.body}</p>
      {canReply || canDelete ? (
        <div className="mt-0.5 -ml-1.5 flex flex-wrap gap-0.5">
          {canReply ? (
            <Button variant="ghost" size="sm" className="h-7 gap-1 px-1.5 text-xs text-muted hover:text-foreground" aria-expanded={replying} aria-label={`Reply to ${author}`} onClick={onReply}>
              <CornerDownRight aria-hidden className="size-3.5" />
              Reply
            </Button>
          ) : null}
          {canDelete ? (
            <Button
              variant="ghost"
              size="sm"
              className="h-7 gap-1 px-1.5 text-xs text-muted hover:text-danger"
              aria-label={`Delete the comment by ${author}`}
              disabled={deleting}
              onClick={() => setConfirming(true)}
            >
              <Trash2 aria-hidden className="size-3.5" />
              {deleting ? "Deleting…" : "Delete"}
            </Button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this comment?"
        description={<p>The comment and the replies to it are removed for everyone.</p>}
        confirmLabel="Delete comment"
        confirmVariant="danger"
        onConfirm={() => void remove()}
      />
    </article>
  );
}

function CommentForm({
  reviewId,
  targetType,
  targetId,
  parent,
  onAdded,
  onCancel,
}: {
  reviewId: string;
  targetType: "FINDING" | "TIMELINE_ENTRY";
  targetId: string;
  parent?: Comment;
  onAdded: (c: Comment) => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<ApiFailure | null>(null);
  const [sending, setSending] = useState(false);
  const { refresh } = useRefresh();
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (parent) box.current?.focus();
  }, [parent]);

  async function submit() {
    setSending(true);
    setError(null);
    const r = await callApi<Comment>(`/api/v1/reviews/${reviewId}/comments`, "POST", { targetType, targetId, parentId: parent?.id ?? null, body });
    setSending(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setBody("");
    onAdded(r.data);
    if (r.data.mentionedUserIds.length) toast.success(r.data.mentionedUserIds.length === 1 ? "Comment added; the person you mentioned is notified." : "Comment added; the people you mentioned are notified.");
    refresh();
  }

  const fieldError = error?.fields?.body ?? error?.fields?.parentId;
  const who = parent?.author?.name ?? "this comment";
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!sending) void submit();
      }}
    >
      <Field label={parent ? `Reply to ${who}` : "Add a comment"} hint={MENTION_HINT} error={fieldError ?? (error ? error.message : undefined)}>
        {(p) => (
          <Textarea
            {...p}
            ref={box}
            value={body}
            rows={2}
            maxLength={4000}
            className="min-h-16"
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                if (!sending) void submit();
              }
              if (e.key === "Escape" && onCancel) {
                e.stopPropagation();
                onCancel();
              }
            }}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={sending}>
          {sending ? "Sending…" : parent ? "Reply" : "Comment"}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel} disabled={sending}>
            Cancel
          </Button>
        ) : null}
        <span className="hidden text-xs text-muted sm:inline">Ctrl+Enter (⌘+Enter) sends</span>
      </div>
    </form>
  );
}
