"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

/**
 * Name + password form shared by first-admin setup and invitation acceptance. `email` is
 * editable only for setup; invitations fix it.
 */
export function PasswordForm<T>({
  action,
  email,
  defaultName,
  token,
  submitLabel,
}: {
  action: (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
  email?: string;
  defaultName?: string;
  token?: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState<ActionResult<T>, FormData>(action, null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate>
      <FormFields className="space-y-4">
        <FormMessage state={state} />
        {token ? <input type="hidden" name="token" value={token} /> : null}
        <Field label="Your name" error={fields?.name} required>
          {(p) => <Input {...p} name="name" autoComplete="name" defaultValue={values.name ?? defaultName} autoFocus />}
        </Field>
        {email === undefined ? (
          <Field label="E-mail" error={fields?.email} required>
            {(p) => <Input {...p} name="email" type="email" autoComplete="username" defaultValue={values.email} />}
          </Field>
        ) : (
          <Field label="E-mail" hint="The address you were invited with.">
            {(p) => <Input {...p} value={email} readOnly autoComplete="username" />}
          </Field>
        )}
        <Field label="Password" hint="At least 10 characters. A passphrase is easiest to remember." error={fields?.password} required>
          {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" />}
        </Field>
        <Field label="Repeat the password" error={fields?.confirmPassword} required>
          {(p) => <Input {...p} name="confirmPassword" type="password" autoComplete="new-password" />}
        </Field>
        <SubmitButton className="w-full" pendingLabel="Setting up…">
          {submitLabel}
        </SubmitButton>
      </FormFields>
    </form>
  );
}
