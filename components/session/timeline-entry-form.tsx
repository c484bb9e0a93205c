"use client";

import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { FieldErrors } from "./use-session-write";
import { browserZone, toLocalInput } from "./session-time";

export const KINDS = [
  ["OBSERVATION", "Observation"],
  ["ACTION", "Action"],
  ["DECISION", "Decision"],
  ["COMMUNICATION", "Communication"],
  ["ALERT", "Alert"],
] as const;
export const KIND_LABEL = Object.fromEntries(KINDS) as Record<string, string>;
export const KEY_MOMENTS = [
  ["DETECTION", "Detection"],
  ["DIAGNOSIS", "Diagnosis"],
  ["REPAIR", "Repair"],
  ["OTHER", "Other key moment"],
] as const;
export const KEY_MOMENT_LABEL = Object.fromEntries(KEY_MOMENTS) as Record<string, string>;

export type EntryValues = { occurredAt?: string | Date; description?: string; kind?: string; evidenceUrl?: string | null; keyMoment?: string | null };

/**
 * The fields of a shared timeline entry as the API takes them (time in the browser's zone, ISO).
 * An empty source link is left out of a new entry and sent as null (removed) in a change.
 */
export function entryPayload(form: FormData, mode: "create" | "update" = "create") {
  const when = String(form.get("when") ?? "");
  const date = when ? new Date(when) : null;
  const evidence = String(form.get("evidenceUrl") ?? "").trim();
  const keyMoment = String(form.get("keyMoment") ?? "");
  return {
    occurredAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : when,
    timezone: browserZone(),
    description: String(form.get("description") ?? ""),
    kind: String(form.get("kind") ?? "OBSERVATION"),
    ...(evidence ? { evidenceUrl: evidence } : mode === "update" ? { evidenceUrl: null } : {}),
    keyMoment: keyMoment || null,
  };
}

export function TimelineEntryForm({
  initial,
  submitLabel,
  busy,
  errors,
  onSubmit,
  onCancel,
}: {
  initial?: EntryValues;
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (form: FormData) => void;
  onCancel?: () => void;
}) {
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(new FormData(e.currentTarget));
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="When" error={errors?.occurredAt}>
          {(p) => <Input {...p} type="datetime-local" name="when" defaultValue={initial?.occurredAt ? toLocalInput(initial.occurredAt) : undefined} />}
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
        <Field label="Key moment" error={errors?.keyMoment}>
          {(p) => (
            <Select {...p} name="keyMoment" defaultValue={initial?.keyMoment ?? ""}>
              <option value="">None</option>
              {KEY_MOMENTS.map(([v, l]) => (
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
      <Field label="Source link" hint="Optional: a dashboard, log search or chat message." error={errors?.evidenceUrl}>
        {(p) => <Input {...p} type="url" name="evidenceUrl" placeholder="https://" defaultValue={initial?.evidenceUrl ?? ""} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
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
