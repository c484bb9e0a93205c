"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ExternalLink, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";

export type TimelineEntryView = { id: string; occurredAt: string; timezone: string; description: string; kind: string; evidenceUrl: string | null };

const KINDS = [
  ["OBSERVATION", "Observation"],
  ["ACTION", "Action"],
  ["DECISION", "Decision"],
  ["COMMUNICATION", "Communication"],
  ["ALERT", "Alert"],
] as const;
const KIND_LABEL = Object.fromEntries(KINDS) as Record<string, string>;

const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as the browser-local value of a datetime-local input. */
function toLocalInput(iso: string) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function zoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
function formatWhen(iso: string) {
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
}

type Errors = Record<string, string[]>;

function EntryForm({ initial, onSubmit, onCancel, busy, errors }: { initial?: TimelineEntryView; onSubmit: (form: FormData) => void; onCancel?: () => void; busy: boolean; errors?: Errors }) {
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(new FormData(e.currentTarget));
      }}
    >
      <div className="grid gap-3">
        <Field label="When" error={errors?.occurredAt} hint={`Your time (${zoneName()})`}>
          {(p) => <Input {...p} type="datetime-local" name="when" defaultValue={initial ? toLocalInput(initial.occurredAt) : undefined} required />}
        </Field>
        <Field label="Kind" error={errors?.kind}>
          {(p) => (
            <Select {...p} name="kind" defaultValue={initial?.kind ?? "OBSERVATION"}>
              {KINDS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="What happened" error={errors?.description}>
        {(p) => <Textarea {...p} name="description" rows={2} defaultValue={initial?.description} className="min-h-16" />}
      </Field>
      <Field label="Evidence link" hint="Optional: a dashboard, log search or chat message." error={errors?.evidenceUrl}>
        {(p) => <Input {...p} type="url" name="evidenceUrl" placeholder="https://" defaultValue={initial?.evidenceUrl ?? ""} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
          {busy ? "Saving…" : initial ? "Save entry" : "Add to my timeline"}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The responder's own timeline beside their narrative. Times show in the viewer's timezone. */
export function PersonalTimeline({ reviewId, initial, editable }: { reviewId: string; initial: TimelineEntryView[]; editable: boolean }) {
  const [entries, setEntries] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors | undefined>();
  const [formKey, setFormKey] = useState(0);
  const base = `/api/v1/reviews/${reviewId}/accounts/me/timeline`;

  async function send(form: FormData, entry?: TimelineEntryView) {
    const when = String(form.get("when") ?? "");
    const date = when ? new Date(when) : null;
    const payload = {
      occurredAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : when,
      timezone: zoneName(),
      kind: form.get("kind"),
      description: form.get("description"),
      ...(String(form.get("evidenceUrl") ?? "").trim() ? { evidenceUrl: String(form.get("evidenceUrl")).trim() } : {}),
    };
    setBusy(true);
    try {
      const res = await fetch(entry ? `${base}/${entry.id}` : base, { method: entry ? "PUT" : "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        setErrors(body?.error?.fields);
        if (!body?.error?.fields) toast.error(body?.error?.message ?? "The entry could not be saved.");
        return;
      }
      setErrors(undefined);
      setEntries((list) => [...list.filter((e) => e.id !== body.id), body].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)));
      setEditing(null);
      setFormKey((k) => k + 1);
    } catch {
      toast.error("You seem to be offline. The entry was not saved; try again when you are back online.");
    } finally {
      setBusy(false);
    }
  }

  async function remove(entry: TimelineEntryView) {
    if (!window.confirm("Delete this timeline entry?")) return;
    const res = await fetch(`${base}/${entry.id}`, { method: "DELETE" }).catch(() => null);
    if (res?.ok) setEntries((list) => list.filter((e) => e.id !== entry.id));
    else toast.error("The entry could not be deleted.");
  }

  return (
    <section aria-labelledby="timeline-heading" className="space-y-4">
      <div>
        <h2 id="timeline-heading" className="font-semibold">
          My timeline
        </h2>
        <p className="text-xs text-muted">What happened when, as you saw it. Only you see it until the reveal.</p>
      </div>
      {entries.length ? (
        <ol className="space-y-3 border-l border-border pl-4">
          {entries.map((e) => (
            <li key={e.id} className="relative">
              <span aria-hidden className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-surface bg-accent" />
              {editing === e.id ? (
                <EntryForm initial={e} busy={busy} errors={errors} onSubmit={(f) => void send(f, e)} onCancel={() => setEditing(null)} />
              ) : (
                <div className="group">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    <time dateTime={e.occurredAt}>{formatWhen(e.occurredAt)}</time>
                    <Badge>{KIND_LABEL[e.kind] ?? e.kind}</Badge>
                  </div>
                  <p className="mt-0.5 text-sm whitespace-pre-wrap">{e.description}</p>
                  {e.evidenceUrl ? (
                    <a href={e.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-xs text-accent hover:underline">
                      Evidence <ExternalLink aria-hidden className="size-3" />
                    </a>
                  ) : null}
                  {editable ? (
                    <div className="mt-1 flex gap-1">
                      <button type="button" onClick={() => setEditing(e.id)} className="rounded p-1 text-muted hover:text-foreground" aria-label="Edit entry">
                        <Pencil aria-hidden className="size-3.5" />
                      </button>
                      <button type="button" onClick={() => void remove(e)} className="rounded p-1 text-muted hover:text-danger" aria-label="Delete entry">
                        <Trash2 aria-hidden className="size-3.5" />
                      </button>
                    </div>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted">No entries yet. Add the moments you remember: the first alert, what you checked, who you called.</p>
      )}
      {editable && !editing ? (
        <div className="rounded-lg border border-dashed border-border p-3">
          <EntryForm key={formKey} busy={busy} errors={editing ? undefined : errors} onSubmit={(f) => void send(f)} />
        </div>
      ) : null}
    </section>
  );
}
