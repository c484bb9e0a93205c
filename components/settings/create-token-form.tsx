"use client";

import { useActionState, useState } from "react";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field, Input, Select } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

type Created = { name: string; token: string };
type Act = (prev: ActionResult<Created>, form: FormData) => Promise<ActionResult<Created>>;

const EXPIRY = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
];

/** Creates a personal API token and shows it once, with how to use it. */
export function CreateTokenForm({ action, origin }: { action: Act; origin: string }) {
  const [state, formAction] = useActionState<ActionResult<Created>, FormData>(action, null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const created = state?.ok && dismissedAt !== state.at ? state.data : null;
  const fields = state && !state.ok ? state.error.fields : undefined;
  const v = state && !state.ok ? state.values : {};
  return (
    <div className="space-y-5">
      {created ? (
        <div role="status" className="space-y-3 rounded-md border border-warning/40 bg-warning-soft p-4">
          <p className="flex items-start gap-2 text-sm font-medium">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
            Copy your new token “{created.name}” now. It will not be shown again.
          </p>
          <CopyField
            label="API token"
            value={created.token}
            hint={
              <>
                Scripts send it in the <span className="font-medium">Authorization</span> header, for example:
                <code className="mt-1 block rounded bg-surface px-2 py-1.5 font-mono break-all text-foreground">
                  curl -H &quot;Authorization: Bearer $DEBRIEF_TOKEN&quot; {origin}/api/v1/me
                </code>
              </>
            }
          />
          <Button variant="secondary" size="sm" onClick={() => setDismissedAt(state!.at)}>
            I have copied it
          </Button>
        </div>
      ) : null}
      <form action={formAction} noValidate key={state?.at}>
        <FormFields className="space-y-4">
          <FormMessage state={state && !state.ok ? state : null} />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <Field label="Name" hint="Where it will be used, so you recognise it later." error={fields?.name} required>
              {(p) => <Input {...p} name="name" placeholder="CI script" defaultValue={v.name} maxLength={120} />}
            </Field>
            <Field label="Expires after" error={fields?.expiresInDays}>
              {(p) => (
                <Select {...p} name="expiresInDays" defaultValue={v.expiresInDays ?? "90"}>
                  {EXPIRY.map((o) => (
                    <option key={o.label} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </FormFields>
      </form>
    </div>
  );
}
