"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field, Input, Select } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

type Invited = { email: string; url: string; expiresAt: string; emailed: boolean };
type Act = (prev: ActionResult<Invited>, form: FormData) => Promise<ActionResult<Invited>>;

function InviteFields({ values, fields, teams }: { values: Record<string, string>; fields?: Record<string, string[]>; teams: { id: string; name: string }[] }) {
  const [teamId, setTeamId] = useState(values.teamId ?? "");
  return (
    <>
      <Field label="E-mail" error={fields?.email} required>
        {(p) => <Input {...p} name="email" type="email" autoComplete="off" placeholder="name@company.com" defaultValue={values.email} />}
      </Field>
      <Field label="Name" hint="Optional — they can change it when they join." error={fields?.name}>
        {(p) => <Input {...p} name="name" autoComplete="off" defaultValue={values.name} />}
      </Field>
      <Field label="Role in Debrief" error={fields?.role} hint="Admins manage people, teams and sign-in settings.">
        {(p) => (
          <Select {...p} name="role" defaultValue={values.role ?? "MEMBER"}>
            <option value="MEMBER">Member</option>
            <option value="ADMIN">Admin</option>
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <Field label="Team" hint="Optional." error={fields?.teamId}>
          {(p) => (
            <Select {...p} name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">No team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Team role" error={fields?.teamRole} hint={teamId ? undefined : "Choose a team first."}>
          {(p) => (
            <Select {...p} name="teamRole" defaultValue={values.teamRole ?? "MEMBER"} disabled={!teamId}>
              <option value="MEMBER">Member</option>
              <option value="PRODUCT_MANAGER">Product manager</option>
            </Select>
          )}
        </Field>
      </div>
    </>
  );
}

/**
 * Invites someone: on success the invitation link is shown once, to copy and send — and, when
 * SMTP is set up, it has been e-mailed to them too. Only a hash of the link is stored, so it
 * cannot be shown again.
 */
export function InviteForm({ action, teams }: { action: Act; teams: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState<ActionResult<Invited>, FormData>(action, null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const invited = state?.ok && dismissedAt !== state.at ? state.data : null;
  const expires = invited ? new Date(invited.expiresAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "";
  return (
    <div className="space-y-5">
      {invited ? (
        <div role="status" className="space-y-3 rounded-md border border-success/30 bg-success-soft p-4">
          <p className="text-sm font-medium">Invitation ready for {invited.email}</p>
          <CopyField
            label="Invitation link"
            value={invited.url}
            hint={
              <>
                {invited.emailed ? (
                  <>
                    <strong className="font-medium text-foreground">We e-mailed it to them.</strong> You can also pass it on yourself.
                  </>
                ) : (
                  <>
                    <strong className="font-medium text-foreground">Send this link to them</strong> — e-mail is not set up here (SMTP_URL).
                  </>
                )}{" "}
                It works once and is valid for 7 days (until {expires}). This is the only time it is shown; if it gets lost, invite them again.
              </>
            }
          />
          <Button variant="secondary" size="sm" onClick={() => setDismissedAt(state!.at)}>
            Done
          </Button>
        </div>
      ) : null}
      <form action={formAction} noValidate>
        <FormFields className="space-y-4">
          <FormMessage state={state && !state.ok ? state : null} />
          <InviteFields key={state?.at ?? 0} values={state && !state.ok ? state.values : {}} fields={state && !state.ok ? state.error.fields : undefined} teams={teams} />
          <SubmitButton pendingLabel="Creating the link…">Create invitation link</SubmitButton>
        </FormFields>
      </form>
    </div>
  );
}
