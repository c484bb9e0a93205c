"use client";

import { useActionState, useRef, useState } from "react";
import type { AnyFormAction } from "@/components/ui/action-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import type { ActionResult } from "@/lib/http/action";

/** Generates a new webhook secret after a confirmation, and shows it once. */
export function RotateSecret({ teamId, action }: { teamId: string; action: AnyFormAction }) {
  const [state, formAction, pending] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => action(prev as never, data), null);
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const secret = state?.ok ? (state.data as { secret: string }).secret : null;
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <input type="hidden" name="forTeam" value={teamId} />
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={pending}>
        {pending ? "Generating…" : "Generate a new secret"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {secret ? (
        <Alert tone="success" title="Copy the new secret now: it is not shown again">
          <CopyField label="Webhook secret" value={secret} className="mt-2" />
        </Alert>
      ) : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Generate a new webhook secret?"
        description="Webhooks signed with the current secret are refused from now on, until you paste the new one into the tracker."
        confirmLabel="Generate"
        confirmVariant="primary"
        onConfirm={() => form.current?.requestSubmit()}
      />
    </form>
  );
}
