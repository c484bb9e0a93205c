"use client";

import { useActionState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult, FormActionFn } from "@/lib/http/action";
import { VisibilityChoice, type VisibilityOption } from "./visibility-choice";

const VISIBILITY: VisibilityOption[] = [
  ["ORGANISATION", "The whole organisation", "Recommended: other teams learn from it too."],
  ["TEAM", "The owning team", "Members of the team that owns the incident."],
  ["PARTICIPANTS", "Participants only", "For sensitive incidents."],
];

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
        <VisibilityChoice legend="Once published, who can read it?" options={VISIBILITY} defaultValue={v.visibility ?? "ORGANISATION"} />
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
