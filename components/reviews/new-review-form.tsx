"use client";

import { useActionState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult, FormActionFn } from "@/lib/http/action";

const VISIBILITY = [
  ["ORGANISATION", "The whole organisation", "Recommended: other teams learn from it too."],
  ["TEAM", "The owning team", "Members of the team that owns the incident."],
  ["PARTICIPANTS", "Participants only", "For sensitive incidents."],
] as const;

export function NewReviewForm<T>({
  action,
  incident,
  people,
  me,
}: {
  action: FormActionFn<T>;
  incident: { id: string; title: string };
  people: { id: string; name: string | null; email: string }[];
  me: string;
}) {
  const [state, formAction] = useActionState<ActionResult<T>, FormData>(action, null);
  const f = state && !state.ok ? state.error.fields : undefined;
  const v = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-5">
        <FormMessage state={state} />
        <input type="hidden" name="incidentId" value={incident.id} />
        <Field label="Title" error={f?.title} required>
          {(p) => <Input {...p} name="title" defaultValue={v.title ?? incident.title} />}
        </Field>
        <Field label="Facilitator" hint="Runs the review: invites responders, reveals the accounts, leads the session. Ideally someone who was not deeply involved." error={f?.facilitatorEmail} required>
          {(p) => (
            <Select {...p} name="facilitatorEmail" defaultValue={v.facilitatorEmail ?? me}>
              {people.map((person) => (
                <option key={person.id} value={person.email}>
                  {person.name ? `${person.name} (${person.email})` : person.email}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset>
          <legend className="text-sm font-medium">Once published, who can read it?</legend>
          <div className="mt-2 grid gap-2">
            {VISIBILITY.map(([value, label, hint]) => (
              <label key={value} className="flex cursor-pointer gap-3 rounded-md border border-border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft/40">
                <input type="radio" name="visibility" value={value} defaultChecked={(v.visibility ?? "ORGANISATION") === value} className="mt-1 accent-[var(--accent)]" />
                <span>
                  <span className="block text-sm font-medium">{label}</span>
                  <span className="block text-xs text-muted">{hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex gap-2">
          <SubmitButton pendingLabel="Starting…">Start review</SubmitButton>
          <ButtonLink href={`/incidents/${incident.id}`} variant="ghost">
            Cancel
          </ButtonLink>
        </div>
      </FormFields>
    </form>
  );
}
