"use client";

import { useActionState, useRef } from "react";
import { toast } from "sonner";
import type { AnyFormAction } from "@/components/ui/action-types";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

/** The team's Slack / Microsoft Teams incoming webhook, for reminders and digests. */
export function ChatWebhookForm({ teamId, host, action }: { teamId: string; host: string | null; action: AnyFormAction }) {
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => {
    const result = await action(prev as never, data);
    if (result?.ok) {
      toast.success(result.message ?? "Saved.");
      form.current?.reset();
    }
    return result;
  }, null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  // React resets the form when the action ends: on an error the field shows what was sent again.
  const sent = state && !state.ok ? state.values.chatWebhookUrl : undefined;
  return (
    <form ref={form} action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-3">
        <input type="hidden" name="forTeam" value={teamId} />
        {state && !state.ok && !fields ? <Alert tone="error">{state.error.message}</Alert> : null}
        <Field
          label="Incoming webhook URL"
          error={fields?.chatWebhookUrl}
          hint={host ? `A webhook on ${host} is set. Enter a new URL to replace it, or leave empty and save to remove it.` : "From Slack (Incoming Webhooks) or Microsoft Teams (Incoming Webhook connector)."}
        >
          {(p) => <Input {...p} name="chatWebhookUrl" type="url" autoComplete="off" placeholder="https://hooks.slack.com/services/…" defaultValue={sent} />}
        </Field>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          {host ? "Replace or remove" : "Save"}
        </SubmitButton>
      </FormFields>
    </form>
  );
}
