"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { findHints } from "@/lib/editor/blameless-hints";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL, type FindingCategoryName } from "@/lib/findings/categories";
import type { FindingView } from "@/lib/findings/finding-view";
import type { SharedEntryView } from "@/lib/timeline/shared-entries";
import { FindingHints } from "./findings-hints";
import { callApi, LocalTime, toDate, useRefresh, type ApiFailure, type Wire } from "./findings-support";

export type WireFinding = Wire<FindingView>;
export type WireEntry = Wire<SharedEntryView>;

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

/** The API's field names for evidence, shown under the entries' checkboxes. */
const EVIDENCE_FIELDS = ["evidenceEntryIds", "link", "unlink"];

/**
 * Adds a finding (to the column it was opened from, unless another is chosen), or edits one (its
 * column too). What was typed stays in the form until the server has saved it; errors show beside
 * the fields they are about. An edit sends only what this person changed since opening the form,
 * so someone else's change meanwhile (another field, another linked entry) is kept.
 */
export function FindingForm({
  reviewId,
  category,
  finding,
  sharedEntries,
  timeZone,
  onClose,
}: {
  reviewId: string;
  category: FindingCategoryName;
  finding?: WireFinding;
  sharedEntries: WireEntry[];
  timeZone?: string;
  onClose: () => void;
}) {
  // The finding as it was when the form opened: the baseline for what this person changed.
  const [opened] = useState(finding);
  const [title, setTitle] = useState(finding?.title ?? "");
  const [description, setDescription] = useState(finding?.description ?? "");
  const [chosenCategory, setChosenCategory] = useState<FindingCategoryName>(finding?.category ?? category);
  // "Add a finding" in another column while adding: the form follows, keeping what was typed.
  const [prevCategory, setPrevCategory] = useState(category);
  if (!finding && prevCategory !== category) {
    setPrevCategory(category);
    setChosenCategory(category);
  }
  const [evidence, setEvidence] = useState<string[]>(finding?.evidenceEntryIds ?? []);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [sending, setSending] = useState(false);
  const { refresh, refreshing } = useRefresh();
  const titleRef = useRef<HTMLInputElement>(null);
  const formId = useId();
  const busy = sending || refreshing;

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  // Hints while typing, as the saved finding will show them.
  const liveHints = useMemo(() => [...findHints(title), ...findHints(description)], [title, description]);

  async function submit() {
    const patch = finding && opened ? changes(opened) : null;
    if (finding && !patch) return onClose();
    setSending(true);
    setError(null);
    const result = finding
      ? await callApi(`/api/v1/reviews/${reviewId}/findings/${finding.id}`, "PATCH", patch)
      : await callApi(`/api/v1/reviews/${reviewId}/findings`, "POST", { category: chosenCategory, title, description, evidenceEntryIds: evidence });
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(finding ? "Finding saved." : "Finding added.");
    refresh(onClose);
  }

  function changes(f: WireFinding) {
    const body: Record<string, unknown> = {};
    if (chosenCategory !== f.category) body.category = chosenCategory;
    if (title.trim() !== f.title) body.title = title;
    if (description.trim() !== f.description) body.description = description;
    const link = evidence.filter((id) => !f.evidenceEntryIds.includes(id));
    const unlink = f.evidenceEntryIds.filter((id) => !evidence.includes(id));
    if (link.length) body.link = link;
    if (unlink.length) body.unlink = unlink;
    return Object.keys(body).length ? body : null;
  }

  const evidenceError = EVIDENCE_FIELDS.flatMap((k) => error?.fields?.[k] ?? []);
  const fieldErrorShown = ["title", "description", "category", ...EVIDENCE_FIELDS].some((k) => error?.fields?.[k]?.length);
  const sortedEntries = useMemo(() => [...sharedEntries].sort((a, b) => toDate(a.occurredAt).getTime() - toDate(b.occurredAt).getTime()), [sharedEntries]);

  return (
    <form
      aria-label={finding ? `Edit the finding “${finding.title}”` : `Add a finding: ${FINDING_CATEGORY_LABEL[category]}`}
      className="@container space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="grid gap-4 @2xl:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <Field label="Title" error={error?.fields?.title} required>
            {(p) => <Input {...p} ref={titleRef} name="title" value={title} maxLength={TITLE_MAX} onChange={(e) => setTitle(e.target.value)} placeholder="What did the group learn?" autoComplete="off" />}
          </Field>
          <Field label="Description" error={error?.fields?.description} hint="Optional: what happened, what made it so, what it tells us.">
            {(p) => <Textarea {...p} name="description" value={description} maxLength={DESCRIPTION_MAX} onChange={(e) => setDescription(e.target.value)} rows={3} className="min-h-20" />}
          </Field>
          <Field label="Category" error={error?.fields?.category}>
            {(p) => (
              <Select {...p} name="category" value={chosenCategory} onChange={(e) => setChosenCategory(e.target.value as FindingCategoryName)}>
                {FINDING_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {FINDING_CATEGORY_LABEL[c]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <FindingHints hints={liveHints} live />
        </div>
        <fieldset className="min-w-0 space-y-1.5" aria-describedby={evidenceError.length ? `${formId}-evidence-error` : undefined}>
          <legend className="text-sm font-medium">Supporting timeline entries</legend>
          {sortedEntries.length ? (
            <ul className="max-h-64 space-y-0.5 overflow-y-auto rounded-md border border-border bg-surface p-1">
              {sortedEntries.map((entry) => {
                const checked = evidence.includes(entry.id);
                return (
                  <li key={entry.id}>
                    <label className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm hover:bg-surface-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring">
                      <input
                        type="checkbox"
                        name="evidence"
                        value={entry.id}
                        checked={checked}
                        onChange={() => setEvidence((list) => (checked ? list.filter((id) => id !== entry.id) : [...list, entry.id]))}
                        className="mt-1 size-3.5 shrink-0 accent-[var(--accent)]"
                      />
                      <span className="min-w-0">
                        <LocalTime date={entry.occurredAt} timeZone={timeZone} clock className="text-xs whitespace-nowrap text-muted" /> <span className="break-words">{entry.description}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-xs text-muted">The shared timeline has no entries yet. Build it on the Timeline tab, then link the entries that support this finding.</p>
          )}
          {evidenceError.length ? (
            <p id={`${formId}-evidence-error`} className="text-xs font-medium text-danger">
              {evidenceError.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </div>
      {error && !fieldErrorShown ? <Alert tone="error">{error.message}</Alert> : null}
      {error && fieldErrorShown ? (
        <p role="alert" className="sr-only">
          Not saved: {Object.values(error.fields ?? {}).flat().join(" ")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : finding ? "Save finding" : "Add finding"}
        </Button>
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
