"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { AnyFormAction } from "@/components/ui/action-types";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

/** Turns automatic pushing on publication on or off with one click. */
export function AutoPushToggle({ teamId, autoPush, action }: { teamId: string; autoPush: boolean; action: AnyFormAction }) {
  const [state, formAction] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => {
    const result = await action(prev as never, data);
    if (result?.ok && result.message) toast.success(result.message);
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="forTeam" value={teamId} />
      <input type="hidden" name="autoPush" value={autoPush ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {autoPush ? "Turn automatic pushes off" : "Turn automatic pushes on"}
      </SubmitButton>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
    </form>
  );
}
