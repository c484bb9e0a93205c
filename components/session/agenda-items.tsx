"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import type { SessionItemView } from "@/lib/session/session-items";
import { callApi, useRefresh, type ApiFailure, type Wire } from "./findings-support";

export type WireItem = Wire<SessionItemView>;

const WORDS = {
  QUESTION: {
    add: "Add question",
    label: "A question to ask the group",
    placeholder: "What made this hard to see at the time?",
    added: "Question added.",
    noun: "question",
  },
  PARKING_LOT: {
    add: "Add topic",
    label: "A topic to follow up",
    placeholder: "Something worth its own conversation later",
    added: "Added to the parking lot.",
    noun: "topic",
  },
} as const;

/**
 * Prepared questions or the parking lot: a list with done checkboxes and delete for whoever may
 * manage each item, and a one-line box to add one. Done items stay, struck through.
 */
export function SessionItemList({
  reviewId,
  kind,
  items,
  canAdd,
  canManage,
  empty,
}: {
  reviewId: string;
  kind: "QUESTION" | "PARKING_LOT";
  items: WireItem[];
  canAdd: boolean;
  canManage: (item: WireItem) => boolean;
  empty: string;
}) {
  const words = WORDS[kind];
  return (
    <div className="space-y-3">
      {items.length ? (
        <ul className="space-y-1">
          {items.map((item) => (
            <SessionItemRow key={item.id} reviewId={reviewId} item={item} canManage={canManage(item)} noun={words.noun} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{empty}</p>
      )}
      {canAdd ? <AddItemForm reviewId={reviewId} kind={kind} /> : null}
    </div>
  );
}

function SessionItemRow({ reviewId, item, canManage, noun }: { reviewId: string; item: WireItem; canManage: boolean; noun: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Shown at once; the refreshed page confirms it (or the error puts it back).
  const [done, setDone] = useState(item.done);
  const [prevDone, setPrevDone] = useState(item.done);
  const { refresh, refreshing } = useRefresh();
  if (prevDone !== item.done) {
    setPrevDone(item.done);
    setDone(item.done);
  }
  const checkboxId = useId();

  async function toggle() {
    const next = !done;
    setDone(next);
    setSending(true);
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/session/items/${item.id}`, "PATCH", { done: next });
    setSending(false);
    if (!r.ok) {
      setDone(!next);
      setError(r.error.message);
      return;
    }
    refresh();
  }

  async function remove() {
    setSending(true);
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/session/items/${item.id}`, "DELETE");
    setSending(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    toast.success(`The ${noun} was deleted.`);
    refresh();
  }

  return (
    <li className={cn("group rounded-md px-2 py-1.5 hover:bg-surface-muted", (sending || refreshing) && "opacity-70")}>
      <div className="flex items-start gap-2.5">
        {canManage ? (
          <input
            id={checkboxId}
            type="checkbox"
            checked={done}
            disabled={sending}
            onChange={() => void toggle()}
            className="mt-1 size-4 shrink-0 accent-[var(--accent)]"
            aria-label={`Done: ${item.text}`}
          />
        ) : (
          <span aria-hidden className={cn("mt-2 size-1.5 shrink-0 rounded-full", done ? "bg-success" : "bg-muted")} />
        )}
        <div className="min-w-0 flex-1 text-sm">
          <p className={cn("break-words", done && "text-muted line-through decoration-muted")}>
            {item.text}
            {!canManage && done ? <span className="sr-only"> (done)</span> : null}
          </p>
          {item.mine ? <p className="text-xs text-muted">Added by you</p> : null}
        </div>
        {canManage ? (
          <Button
            variant="ghost"
            size="sm"
            className="h-7 shrink-0 px-2 text-muted hover:text-danger"
            aria-label={`Delete the ${noun} “${item.text}”`}
            disabled={sending}
            onClick={() => setConfirming(true)}
          >
            <Trash2 aria-hidden className="size-3.5" />
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 pl-6.5 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete this ${noun}?`}
        description={<p>“{item.text}” is removed for everyone.</p>}
        confirmLabel={`Delete ${noun}`}
        confirmVariant="danger"
        onConfirm={() => void remove()}
      />
    </li>
  );
}

function AddItemForm({ reviewId, kind }: { reviewId: string; kind: "QUESTION" | "PARKING_LOT" }) {
  const words = WORDS[kind];
  const [text, setText] = useState("");
  const [error, setError] = useState<ApiFailure | null>(null);
  const [sending, setSending] = useState(false);
  const { refresh, refreshing } = useRefresh();
  const id = useId();
  const busy = sending || refreshing;

  async function submit() {
    setSending(true);
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/session/items`, "POST", { kind, text });
    setSending(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    toast.success(words.added);
    refresh(() => setText(""));
  }

  const message = error ? (error.fields?.text ?? error.fields?.kind)?.join(" ") || error.message : null;
  return (
    <form
      noValidate
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {words.label}
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          className="min-w-48 flex-1"
          id={id}
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          placeholder={words.placeholder}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" disabled={busy} className="shrink-0">
          <Plus aria-hidden className="size-4" />
          {busy ? "Adding…" : words.add}
        </Button>
      </div>
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-danger">
          {message}
        </p>
      ) : null}
    </form>
  );
}
