"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, Textarea } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult, FormActionFn } from "@/lib/http/action";

export function LateAdditionForm<T>({ action, reviewId }: { action: FormActionFn<T>; reviewId: string }) {
  const [state, formAction] = useActionState<ActionResult<T>, FormData>(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form ref={form} action={formAction} noValidate>
      <FormFields className="space-y-3">
        <FormMessage state={state} />
        <input type="hidden" name="reviewId" value={reviewId} />
        <Field label="Add to your account" hint="Your account is read-only after the reveal. Anything you add now is shown as a late addition." error={state && !state.ok ? state.error.fields?.text : undefined}>
          {(p) => <Textarea {...p} name="text" rows={3} defaultValue={values?.text} key={state?.at} />}
        </Field>
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add late addition
        </SubmitButton>
      </FormFields>
    </form>
  );
}
