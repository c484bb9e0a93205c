"use client";

import { useActionState, useId, useRef } from "react";
import { toast } from "sonner";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton, FormFields } from "@/components/ui/form-status";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/http/action";
import { TEAM_ROLE_OPTIONS } from "./team-role-badge";
import type { AnyFormAction } from "@/components/ui/action-types";

type Act = AnyFormAction;

/** Adds someone who has joined Debrief to a team, by e-mail (suggesting people as you type). */
export function AddMemberForm({ teamId, action, people }: { teamId: string; action: Act; people: { name: string | null; email: string }[] }) {
  const form = useRef<HTMLFormElement>(null);
  const listId = useId();
  const [state, formAction] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => {
    const result = await action(prev as never, data);
    if (result?.ok) {
      toast.success(result.message ?? "Added.");
      form.current?.reset();
    }
    return result;
  }, null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form ref={form} action={formAction} noValidate>
      <FormFields className="space-y-3">
        <input type="hidden" name="teamId" value={teamId} />
        {state && !state.ok && !fields ? <Alert tone="error">{state.error.message}</Alert> : null}
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
          <Field label="E-mail" error={fields?.email} hint="Someone who has joined Debrief. To add a newcomer, an admin invites them first.">
            {(p) => <Input {...p} name="email" type="email" list={listId} autoComplete="off" placeholder="name@company.com" defaultValue={values?.email} key={state?.at} />}
          </Field>
          <Field label="Team role" error={fields?.role}>
            {(p) => (
              <Select {...p} name="role" defaultValue={values?.role ?? "MEMBER"} key={state?.at}>
                {TEAM_ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <SubmitButton pendingLabel="Adding…" className="sm:mt-[1.625rem]">
            Add member
          </SubmitButton>
        </div>
        <datalist id={listId}>
          {people.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name ?? p.email}
            </option>
          ))}
        </datalist>
      </FormFields>
    </form>
  );
}
