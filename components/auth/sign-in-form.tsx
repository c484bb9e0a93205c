"use client";

import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton, FormFields } from "@/components/ui/form-status";
import type { SignInState } from "@/app/(auth)/sign-in/actions";

type Demo = { password: string; users: readonly { email: string; name: string; does: string }[] };

export function SignInForm({
  action,
  callbackUrl,
  demo,
  initialError,
}: {
  action: (prev: SignInState, form: FormData) => Promise<SignInState>;
  callbackUrl: string;
  demo: Demo;
  initialError?: string;
}) {
  const [state, formAction] = useActionState(action, initialError ? { error: initialError, email: "" } : null);
  const form = useRef<HTMLFormElement>(null);

  function signInAs(email: string) {
    const f = form.current;
    if (!f) return;
    (f.elements.namedItem("email") as HTMLInputElement).value = email;
    (f.elements.namedItem("password") as HTMLInputElement).value = demo.password;
    f.requestSubmit();
  }

  return (
    <div className="space-y-6">
      <form ref={form} action={formAction} noValidate>
        <FormFields className="space-y-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          {state?.error ? <Alert tone="error">{state.error}</Alert> : null}
          <Field label="E-mail">
            {(p) => <Input {...p} name="email" type="email" autoComplete="username" defaultValue={state?.email} required autoFocus />}
          </Field>
          <Field label="Password">{(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}</Field>
          <SubmitButton className="w-full" pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </FormFields>
      </form>
      {demo.users.length ? (
        <section aria-labelledby="demo-heading" className="rounded-lg border border-dashed border-border p-4">
          <h2 id="demo-heading" className="text-sm font-semibold">
            Demo organisation
          </h2>
          <p className="mt-1 text-xs text-muted">
            Every demo user has the password <code className="rounded bg-surface-muted px-1 py-0.5 font-mono">{demo.password}</code>. Pick one to look
            around:
          </p>
          <ul className="mt-3 grid gap-1.5">
            {demo.users.map((u) => (
              <li key={u.email}>
                <button
                  type="button"
                  onClick={() => signInAs(u.email)}
                  className="flex w-full items-center justify-between gap-3 rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-ring"
                >
                  <span className="min-w-0">
                    <span className="block font-medium">{u.name}</span>
                    <span className="block truncate text-xs text-muted">{u.email}</span>
                  </span>
                  <span className="shrink-0 text-xs text-muted">{u.does}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
