"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { AnyFormAction } from "@/components/ui/action-types";
import { SubmitButton } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";

/** Pushes a failed action again. */
export function RetryPushButton({ actionId, title, action }: { actionId: string; title: string; action: AnyFormAction }) {
  const [state, formAction] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => {
    const result = await action(prev as never, data);
    if (result?.ok) toast.success(result.message ?? "Queued.");
    return result;
  }, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="actionId" value={actionId} />
      <SubmitButton variant="secondary" pendingLabel="Queuing…" className="h-8 px-3 text-xs">
        <span aria-hidden>Retry</span>
        <span className="sr-only">Retry pushing “{title}”</span>
      </SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="max-w-xs text-right text-xs font-medium text-danger">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
