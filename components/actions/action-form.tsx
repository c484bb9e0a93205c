"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { callApi, useRefresh, type ApiFailure } from "@/components/session/findings-support";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ACTION_KINDS, ACTION_PRIORITIES, EMPTY_DESCRIPTION, KIND_HINT, KIND_LABEL, PRIORITY_LABEL, TITLE_MAX, type ActionKindName, type ActionPriorityName } from "@/lib/action-items/action-fields";
import { titleHints } from "@/lib/action-items/title-hints";
import type { DocNode } from "@/lib/editor/doc";
import { TitleHints } from "./title-hints";
import type { FindingOption, Option, WireAction } from "./types";

const FIELDS = ["title", "description", "teamId", "assigneeId", "priority", "kind", "dueDate", "findingIds", "link", "unlink"];

/**
 * Plans an action, or edits one: title (with hints while typing when it is vague), description,
 * owning team, assignee, priority, kind, due date and the findings it addresses. What was typed
 * stays until the server has saved it; errors appear beside their fields. An edit sends only what
 * this person changed since opening the form.
 */
export function ActionForm({
  reviewId,
  action,
  teams,
  people,
  findings,
  defaultTeamId,
  initialFindingIds,
  onClose,
}: {
  reviewId: string;
  action?: WireAction;
  teams: Option[];
  people: Option[];
  findings: FindingOption[];
  defaultTeamId: string;
  initialFindingIds?: string[];
  onClose: (savedId?: string) => void;
}) {
  const [opened] = useState(action);
  const [title, setTitle] = useState(action?.title ?? "");
  const [description, setDescription] = useState<DocNode>((action?.description as DocNode | undefined) ?? EMPTY_DESCRIPTION);
  const [descriptionTouched, setDescriptionTouched] = useState(false);
  const [teamId, setTeamId] = useState(action?.team.id ?? defaultTeamId);
  const [assigneeId, setAssigneeId] = useState(action?.assignee?.id ?? "");
  const [priority, setPriority] = useState<ActionPriorityName>(action?.priority ?? "MEDIUM");
  const [kind, setKind] = useState<ActionKindName>(action?.kind ?? "FIX");
  const [dueDate, setDueDate] = useState(action?.dueDate ?? "");
  const [findingIds, setFindingIds] = useState<string[]>(action?.findingIds ?? initialFindingIds ?? []);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [sending, setSending] = useState(false);
  const { refresh, refreshing } = useRefresh();
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const busy = sending || refreshing;
  const hints = useMemo(() => titleHints(title), [title]);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function changes(a: WireAction) {
    const body: Record<string, unknown> = {};
    if (title.trim() !== a.title) body.title = title;
    if (descriptionTouched) body.description = description;
    if (teamId !== a.team.id) body.teamId = teamId;
    if (assigneeId !== (a.assignee?.id ?? "")) body.assigneeId = assigneeId || null;
    if (priority !== a.priority) body.priority = priority;
    if (kind !== a.kind) body.kind = kind;
    if (dueDate !== (a.dueDate ?? "")) body.dueDate = dueDate || null;
    const link = findingIds.filter((f) => !a.findingIds.includes(f));
    const unlink = a.findingIds.filter((f) => !findingIds.includes(f));
    if (link.length) body.link = link;
    if (unlink.length) body.unlink = unlink;
    return Object.keys(body).length ? body : null;
  }

  async function submit() {
    const patch = action && opened ? changes(opened) : null;
    if (action && !patch) return onClose(action.id);
    setSending(true);
    setError(null);
    const result = action
      ? await callApi<{ id: string }>(`/api/v1/action-items/${action.id}`, "PATCH", patch)
      : await callApi<{ id: string }>(`/api/v1/reviews/${reviewId}/action-items`, "POST", {
          title,
          description,
          teamId,
          assigneeId: assigneeId || null,
          priority,
          kind,
          dueDate: dueDate || undefined,
          findingIds,
        });
    setSending(false);
    if (!result.ok) return setError(result.error);
    toast.success(action ? "Action saved." : "Action added. Agree it when the group is ready.");
    refresh(() => onClose(result.data.id));
  }

  const fieldError = (k: string) => error?.fields?.[k];
  const fieldErrorShown = FIELDS.some((k) => error?.fields?.[k]?.length);
  const findingsError = ["findingIds", "link", "unlink"].flatMap((k) => error?.fields?.[k] ?? []);

  return (
    <form
      aria-label={action ? `Edit the action “${action.title}”` : "Add an action"}
      className="@container space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy && !(e.target as HTMLElement).closest(".ProseMirror")) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <Field label="Title" error={fieldError("title")} required hint="What will be done, so that anyone can tell when it is done.">
        {(p) => (
          <Input {...p} ref={titleRef} name="title" value={title} maxLength={TITLE_MAX} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Alert when PgBouncer wait time exceeds 2 s for 5 minutes" autoComplete="off" />
        )}
      </Field>
      <TitleHints hints={hints} live id={`${id}-hints`} />
      <div className="space-y-1.5">
        <span id={`${id}-description`} className="block text-sm font-medium">
          Description
        </span>
        <RichTextEditor
          initial={description}
          editable
          label="Description of the action"
          placeholder="Optional: the change, where it happens, and how you will know it worked."
          onChange={(doc) => {
            setDescription(doc);
            setDescriptionTouched(true);
          }}
          className="[&_.ProseMirror]:min-h-24! [&_.ProseMirror]:px-3! [&_.ProseMirror]:py-2! [&>[aria-hidden]]:min-h-24!"
        />
        {fieldError("description") ? <p className="text-xs font-medium text-danger">{fieldError("description")!.join(" ")}</p> : null}
      </div>
      <div className="grid gap-4 @lg:grid-cols-2">
        <Field label="Owning team" error={fieldError("teamId")} required hint="The action goes into this team's backlog.">
          {(p) => (
            <Select {...p} name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Assignee" error={fieldError("assigneeId")} hint="Optional: anyone in the organisation.">
          {(p) => (
            <Select {...p} name="assigneeId" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">Nobody yet</option>
              {people.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Priority" error={fieldError("priority")}>
          {(p) => (
            <Select {...p} name="priority" value={priority} onChange={(e) => setPriority(e.target.value as ActionPriorityName)}>
              {ACTION_PRIORITIES.map((x) => (
                <option key={x} value={x}>
                  {PRIORITY_LABEL[x]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Kind" error={fieldError("kind")} hint={KIND_HINT[kind]}>
          {(p) => (
            <Select {...p} name="kind" value={kind} onChange={(e) => setKind(e.target.value as ActionKindName)}>
              {ACTION_KINDS.map((x) => (
                <option key={x} value={x}>
                  {KIND_LABEL[x]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Due date" error={fieldError("dueDate")} hint="Actions should take hours or days, not months.">
          {(p) => <Input {...p} type="date" name="dueDate" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="min-w-0 space-y-1.5" aria-describedby={findingsError.length ? `${id}-findings-error` : undefined}>
        <legend className="text-sm font-medium">Findings it addresses</legend>
        {findings.length ? (
          <ul className="max-h-56 space-y-0.5 overflow-y-auto rounded-md border border-border bg-surface p-1">
            {findings.map((f) => {
              const checked = findingIds.includes(f.id);
              return (
                <li key={f.id}>
                  <label className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm hover:bg-surface-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() => setFindingIds((list) => (checked ? list.filter((x) => x !== f.id) : [...list, f.id]))}
                      className="mt-1 size-3.5 shrink-0 accent-[var(--accent)]"
                    />
                    <span className="min-w-0">
                      <span className="break-words">{f.title}</span> <span className="text-xs text-muted">· {f.categoryLabel}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-xs text-muted">This review has no findings.</p>
        )}
        {findingsError.length ? (
          <p id={`${id}-findings-error`} className="text-xs font-medium text-danger">
            {findingsError.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {error && !fieldErrorShown ? <Alert tone="error">{error.message}</Alert> : null}
      {error && fieldErrorShown ? (
        <p role="alert" className="sr-only">
          Not saved: {Object.values(error.fields ?? {}).flat().join(" ")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : action ? "Save action" : "Add action"}
        </Button>
        <Button variant="ghost" onClick={() => onClose()} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
