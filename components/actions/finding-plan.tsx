"use client";

import { AlertCircle, CheckCircle2, Plus, Undo2 } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { useRefresh } from "@/components/session/findings-support";
import { callApi, putApi } from "./api";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/field";
import { NO_ACTION_REASON_MAX } from "@/lib/action-items/finding-decisions";
import type { WireFinding } from "./types";

/**
 * A finding and what the group decided for it: the actions addressing it, or "no action needed"
 * with the reason — or, flagged, neither yet, with "Add action" and "No action needed".
 */
export function FindingPlan({
  reviewId,
  finding,
  actionTitles,
  canPlan,
  onAddAction,
}: {
  reviewId: string;
  finding: WireFinding;
  actionTitles: Map<string, string>;
  canPlan: boolean;
  onAddAction: () => void;
}) {
  const [deciding, setDeciding] = useState(false);
  const [reason, setReason] = useState(finding.noActionReason ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { refresh, refreshing } = useRefresh();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const decideButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const headingId = `finding-${finding.id}-title`;

  useEffect(() => {
    if (deciding) reasonRef.current?.focus();
  }, [deciding]);

  async function decide() {
    setBusy(true);
    setError(null);
    const r = await putApi(`/api/v1/reviews/${reviewId}/action-items/no-action/${finding.id}`, { reason });
    setBusy(false);
    if (!r.ok) return setError(r.error.fields?.reason?.join(" ") ?? r.error.message);
    toast.success("Recorded: no action needed.");
    refresh(() => setDeciding(false));
  }

  async function undo() {
    setBusy(true);
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/action-items/no-action/${finding.id}`, "DELETE");
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.success("The finding needs an action or a decision again.");
    refresh();
  }

  const actions = finding.actionIds.map((a) => ({ id: a, title: actionTitles.get(a) ?? "An action" }));
  return (
    <article
      id={`finding-${finding.id}`}
      aria-labelledby={headingId}
      className={cn("scroll-mt-24 space-y-2 rounded-lg border bg-surface p-3 shadow-xs", finding.unaddressed ? "border-warning/60" : "border-border", (busy || refreshing) && "opacity-60")}
    >
      <p className="text-xs text-muted">{finding.categoryLabel}</p>
      <h3 id={headingId} className="text-sm leading-snug font-semibold break-words">
        {finding.title}
      </h3>
      {actions.length ? (
        <div className="flex items-start gap-1.5 text-xs text-muted">
          <CheckCircle2 aria-hidden className="mt-px size-3.5 shrink-0 text-success" />
          <p>
            Addressed by{" "}
            {actions.map((a, i) => (
              <span key={a.id}>
                {i ? ", " : ""}
                <a href={`#action-${a.id}`} className="text-foreground/80 underline decoration-border underline-offset-2 hover:decoration-accent">
                  {a.title}
                </a>
              </span>
            ))}
          </p>
        </div>
      ) : finding.noActionReason ? (
        <div className="flex flex-wrap items-start justify-between gap-2 text-xs">
          <p className="min-w-0 text-muted">
            <span className="font-medium text-foreground/90">No action needed:</span> <span className="break-words">{finding.noActionReason}</span>
          </p>
          {canPlan ? (
            <Button variant="ghost" size="sm" className="h-7 px-2 text-xs text-muted" disabled={busy} onClick={() => void undo()} aria-label={`Withdraw “no action needed” for “${finding.title}”`}>
              <Undo2 aria-hidden className="size-3.5" /> Withdraw
            </Button>
          ) : null}
        </div>
      ) : finding.needsDecision ? (
        <p className="flex items-start gap-1.5 text-xs font-medium text-warning">
          <AlertCircle aria-hidden className="mt-px size-3.5 shrink-0" />
          No action yet — add one, or record why none is needed.
        </p>
      ) : (
        <p className="text-xs text-muted">What went well needs no action; add one if it is worth spreading.</p>
      )}
      {deciding ? (
        <form
          className="space-y-2"
          aria-label={`Why “${finding.title}” needs no action`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void decide();
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape" && !busy) {
              e.stopPropagation();
              setDeciding(false);
              decideButton.current?.focus();
            }
          }}
        >
          <label htmlFor={`${id}-reason`} className="block text-xs font-medium">
            Why is no action needed?
          </label>
          <Textarea
            id={`${id}-reason`}
            ref={reasonRef}
            value={reason}
            maxLength={NO_ACTION_REASON_MAX}
            rows={2}
            className="min-h-16 text-sm"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            placeholder="e.g. Already fixed during the incident; an accepted risk"
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-xs font-medium text-danger">
              {error}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy}>
              {busy ? "Saving…" : "Record decision"}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setDeciding(false)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {canPlan && !deciding && !actions.length ? (
        <div className="flex flex-wrap gap-1 pt-1">
          <Button variant="secondary" size="sm" className="h-7 px-2 text-xs" onClick={onAddAction} aria-label={`Add an action for “${finding.title}”`}>
            <Plus aria-hidden className="size-3.5" /> Add action
          </Button>
          {!finding.noActionReason && finding.needsDecision ? (
            <Button ref={decideButton} variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setDeciding(true)} aria-label={`No action needed for “${finding.title}”`}>
              No action needed
            </Button>
          ) : null}
        </div>
      ) : null}
      {!deciding && error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </article>
  );
}
