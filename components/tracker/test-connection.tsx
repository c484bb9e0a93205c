"use client";

import { useActionState } from "react";
import type { AnyFormAction } from "@/components/ui/action-types";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

type Tested = { ok: boolean; message: string };

/** "Test connection": asks the tracker now and shows what it said. */
export function TestConnection({ teamId, action }: { teamId: string; action: AnyFormAction }) {
  const [state, formAction] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => action(prev as never, data), null);
  const result = state?.ok ? (state.data as Tested) : null;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="forTeam" value={teamId} />
      <SubmitButton variant="secondary" pendingLabel="Testing…">
        Test connection
      </SubmitButton>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} title={result.ok ? "Connection works" : "Connection failed"}>
          {result.message}
        </Alert>
      ) : null}
    </form>
  );
}
