"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

type Act = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

const noSubscription = () => () => {};
/** This device's timezone; empty while rendering on the server. */
function useDeviceTimeZone(): string {
  return useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "");
}

/** Name and home timezone. The e-mail address is shown, not edited: it is how people sign in. */
export function ProfileForm({
  action,
  profile,
  zones,
}: {
  action: Act;
  profile: { name: string | null; email: string; timezone: string | null };
  /** The timezones the server accepts. */
  zones: string[];
}) {
  const [state, formAction] = useActionState<ActionResult<null>, FormData>(action, null);
  const device = useDeviceTimeZone();
  const fields = state && !state.ok ? state.error.fields : undefined;
  const v = state && !state.ok ? state.values : { name: profile.name ?? "", timezone: profile.timezone ?? "" };
  // Keep a saved zone selectable even if this browser does not list it.
  const options = v.timezone && !zones.includes(v.timezone) ? [v.timezone, ...zones] : zones;
  return (
    <form action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-5">
        <FormMessage state={state} />
        <Field label="Name" hint="How you appear in reviews, accounts and the audit log." error={fields?.name} required>
          {(p) => <Input {...p} name="name" autoComplete="name" defaultValue={v.name} maxLength={200} />}
        </Field>
        <Field label="E-mail" hint="You sign in with this address. An admin can help if it changes.">
          {(p) => <Input {...p} value={profile.email} readOnly className="bg-surface-muted text-muted" />}
        </Field>
        <Field
          label="Timezone"
          error={fields?.timezone}
          hint={
            <>
              Times throughout Debrief show in this timezone. Not set: they follow this device{device ? ` (${device})` : ""}.
            </>
          }
        >
          {(p) => (
            <Select {...p} name="timezone" defaultValue={v.timezone ?? ""}>
              <option value="">Not set — follow this device</option>
              {options.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                  {z === device ? " (this device)" : ""}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </FormFields>
    </form>
  );
}
