"use client";

import { useActionState } from "react";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";
import type { AnyFormAction } from "@/components/ui/action-types";

type Act = AnyFormAction;

/** Creates a team; on success the action opens the new team's page to add its members. */
export function CreateTeamForm({ action }: { action: Act }) {
  const [state, formAction] = useActionState((prev: ActionResult<unknown>, data: FormData) => action(prev as never, data), null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  const v = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-4">
        <FormMessage state={state} />
        <Field label="Name" error={fields?.name} required>
          {(p) => <Input {...p} name="name" placeholder="Payments" defaultValue={v.name} />}
        </Field>
        <Field
          label="Short name"
          error={fields?.slug}
          hint="Optional. Used in the team’s address, /teams/short-name: lower-case letters, digits and hyphens. Made from the name when left empty."
        >
          {(p) => <Input {...p} name="slug" placeholder="payments" defaultValue={v.slug} autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field label="Description" error={fields?.description} hint="Optional. What the team looks after, e.g. its services.">
          {(p) => <Textarea {...p} name="description" rows={3} defaultValue={v.description} />}
        </Field>
        <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
      </FormFields>
    </form>
  );
}
