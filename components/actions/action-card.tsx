"use client";

import { Check, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { callApi, useRefresh } from "@/components/session/findings-support";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/field";
import { ACTION_STATUSES, KIND_LABEL, STATUS_LABEL, type ActionStatusName } from "@/lib/action-items/action-fields";
import { DueDate, PriorityLabel, StatusBadge } from "./action-badges";
import { TitleHints } from "./title-hints";
import { TrackerPanel } from "./tracker-panel";
import type { WireAction } from "./types";

/**
 * One action on the review's Actions page: what it is, who owns it, its live status and tracker
 * state, and — as the rules allow — agree, edit, delete, change the status, push to the tracker.
 */
export function ActionCard({
  action,
  findingTitles,
  editing,
  planning,
  timeZone,
  onEdit,
}: {
  action: WireAction;
  findingTitles: Map<string, string>;
  editing: boolean;
  planning: boolean;
  timeZone?: string;
  onEdit: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { refresh, refreshing } = useRefresh();
  const headingId = `action-${action.id}-title`;
  const { abilities } = action;

  async function patch(body: Record<string, unknown>, success: string) {
    setBusy(true);
    setError(null);
    const r = await callApi(`/api/v1/action-items/${action.id}`, "PATCH", body);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.success(success);
    refresh();
  }

  async function remove() {
    setBusy(true);
    setError(null);
    const r = await callApi(`/api/v1/action-items/${action.id}`, "DELETE");
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.success("Action deleted.");
    document.getElementById("actions-heading")?.focus({ preventScroll: true });
    refresh();
  }

  const findings = action.findingIds.map((id) => ({ id, title: findingTitles.get(id) })).filter((f): f is { id: string; title: string } => !!f.title);
  return (
    <article
      id={`action-${action.id}`}
      aria-labelledby={headingId}
      className={cn("scroll-mt-24 space-y-3 rounded-lg border bg-surface p-4 shadow-xs", editing ? "border-accent ring-2 ring-accent/20" : "border-border", (busy || refreshing) && "opacity-60")}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0 flex-1 basis-60 text-sm leading-snug font-semibold break-words">
          {action.title}
        </h3>
        <div className="flex shrink-0 flex-wrap items-center gap-1.5">
          {action.agreed ? (
            <Badge tone="success">
              <Check aria-hidden className="size-3" /> Agreed
            </Badge>
          ) : (
            <Badge>Proposed</Badge>
          )}
          <StatusBadge status={action.status} />
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <div className="flex gap-1">
          <dt className="sr-only">Team</dt>
          <dd className="font-medium text-foreground/90">{action.team.name}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Assignee:</dt>
          <dd>{action.assignee ? (action.assignee.name ?? action.assignee.email) : "nobody yet"}</dd>
        </div>
        <div>
          <dt className="sr-only">Priority</dt>
          <dd>
            <PriorityLabel priority={action.priority} />
          </dd>
        </div>
        <div className="flex gap-1">
          <dt className="sr-only">Kind</dt>
          <dd>{KIND_LABEL[action.kind]}</dd>
        </div>
        <div>
          <dt className="sr-only">Due date</dt>
          <dd>
            <DueDate date={action.dueDate} overdue={action.overdue} />
          </dd>
        </div>
      </dl>
      {action.descriptionText ? <p className="line-clamp-4 text-sm whitespace-pre-wrap text-foreground/90">{action.descriptionText}</p> : null}
      {findings.length ? (
        <p className="text-xs text-muted">
          Addresses:{" "}
          {findings.map((f, i) => (
            <span key={f.id}>
              {i ? ", " : ""}
              <a href={`#finding-${f.id}`} className="text-foreground/80 underline decoration-border underline-offset-2 hover:decoration-accent">
                {f.title}
              </a>
            </span>
          ))}
        </p>
      ) : (
        <p className="text-xs text-muted">Not linked to a finding.</p>
      )}
      {planning && abilities.edit ? <TitleHints hints={action.hints} /> : null}
      <TrackerPanel
        actionId={action.id}
        title={action.title}
        sync={action.sync}
        lastSyncedAt={action.sync.lastSyncedAt}
        agreed={action.agreed}
        canPush={abilities.push}
        timeZone={timeZone}
      />
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
      {abilities.edit || abilities.updateProgress ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-border pt-3">
          {abilities.updateProgress ? (
            <label className="flex items-center gap-2 text-xs text-muted">
              Status
              <Select
                value={action.status}
                disabled={busy}
                aria-label={`Status of “${action.title}”`}
                className="h-8 w-auto py-1 text-xs"
                onChange={(e) => void patch({ status: e.target.value }, `Marked ${STATUS_LABEL[e.target.value as ActionStatusName].toLowerCase()}.`)}
              >
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </Select>
            </label>
          ) : null}
          {abilities.edit ? (
            <div className="ml-auto flex flex-wrap gap-1">
              {!action.agreed ? (
                <Button size="sm" className="h-8" disabled={busy} aria-label={`Agree “${action.title}”`} onClick={() => void patch({ agreed: true }, "Agreed. It goes to the team's backlog and tracker.")}>
                  <Check aria-hidden className="size-3.5" /> Agree
                </Button>
              ) : null}
              <Button variant="ghost" size="sm" className={cn("h-8 px-2 text-muted hover:text-foreground", editing && "bg-accent-soft text-foreground")} aria-label={`Edit “${action.title}”`} aria-expanded={editing} data-edit-action={action.id} onClick={onEdit}>
                <Pencil aria-hidden className="size-3.5" /> Edit
              </Button>
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="sm" className="h-8 px-2 text-muted hover:text-danger" aria-label={`Delete “${action.title}”`} disabled={busy}>
                    <Trash2 aria-hidden className="size-3.5" /> Delete
                  </Button>
                }
                title="Delete this action?"
                description={<p>“{action.title}” is removed from the review and from {action.team.name}&apos;s backlog. The findings it addressed stay.</p>}
                confirmLabel="Delete action"
                confirmVariant="danger"
                onConfirm={() => void remove()}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
