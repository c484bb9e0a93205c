"use client";

import { useActionState, useState } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import { ButtonLink } from "@/components/ui/button";
import type { ActionResult, FormActionFn } from "@/lib/http/action";

const SEVERITIES = [
  ["SEV1", "SEV1 — critical: customers broadly affected"],
  ["SEV2", "SEV2 — major: a key feature degraded"],
  ["SEV3", "SEV3 — minor: limited impact"],
  ["SEV4", "SEV4 — low: no customer impact"],
] as const;

export function IncidentForm<T>({
  action,
  teams,
  defaultTeamId,
}: {
  action: FormActionFn<T>;
  teams: { id: string; name: string }[];
  defaultTeamId?: string;
}) {
  const [state, formAction] = useActionState<ActionResult<T>, FormData>(action, null);
  const [timezone] = useState(() => (typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC"));
  const f = state && !state.ok ? state.error.fields : undefined;
  const v = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-5">
        <FormMessage state={state} />
        <input type="hidden" name="timezone" value={timezone} />
        <Field label="Title" hint="What happened, in a few plain words." error={f?.title} required>
          {(p) => <Input {...p} name="title" defaultValue={v.title} placeholder="Checkout errors after certificate rotation" autoFocus />}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Severity" error={f?.severity} required>
            {(p) => (
              <Select {...p} name="severity" defaultValue={v.severity ?? ""}>
                <option value="" disabled>
                  Choose…
                </option>
                {SEVERITIES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Owning team" error={f?.teamId} required hint={teams.length ? undefined : "You are not in a team yet; ask an admin to add you."}>
            {(p) => (
              <Select {...p} name="teamId" defaultValue={v.teamId ?? defaultTeamId ?? ""}>
                <option value="" disabled>
                  Choose…
                </option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">
            When <span className="font-normal text-muted">— in your timezone ({timezone})</span>
          </legend>
          <div className="grid gap-5 sm:grid-cols-3">
            <Field label="Started" error={f?.startedAt} required>
              {(p) => <Input {...p} type="datetime-local" name="startedAt" defaultValue={v.startedAt} />}
            </Field>
            <Field label="Detected" error={f?.detectedAt} required>
              {(p) => <Input {...p} type="datetime-local" name="detectedAt" defaultValue={v.detectedAt} />}
            </Field>
            <Field label="Resolved" error={f?.resolvedAt} hint="Leave empty if ongoing.">
              {(p) => <Input {...p} type="datetime-local" name="resolvedAt" defaultValue={v.resolvedAt} />}
            </Field>
          </div>
        </fieldset>
        <Field label="Affected services" hint="Separate with commas, e.g. checkout-api, payment-gateway." error={f?.services}>
          {(p) => <Input {...p} name="services" defaultValue={v.services} />}
        </Field>
        <Field label="Summary" hint="Impact and what is known so far. Facts, not causes — the review will find those." error={f?.summary}>
          {(p) => <Textarea {...p} name="summary" defaultValue={v.summary} rows={4} />}
        </Field>
        <Field label="Link" hint="Optional: the incident channel, ticket or status page." error={f?.externalUrl}>
          {(p) => <Input {...p} type="url" name="externalUrl" defaultValue={v.externalUrl} placeholder="https://" />}
        </Field>
        <div className="flex gap-2">
          <SubmitButton pendingLabel="Recording…">Record incident</SubmitButton>
          <ButtonLink href="/incidents" variant="ghost">
            Cancel
          </ButtonLink>
        </div>
      </FormFields>
    </form>
  );
}
