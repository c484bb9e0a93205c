"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/http/action";
import type { ReviewPhase } from "@/lib/policies/types";

type Action = (prev: ActionResult<{ phase: ReviewPhase }>, form: FormData) => Promise<ActionResult<{ phase: ReviewPhase }>>;

/** The facilitator's button that moves a review one phase on, always after a confirmation. */
export function PhaseMove({
  action,
  reviewId,
  to,
  label,
  explain,
  warning,
}: {
  action: Action;
  reviewId: string;
  to: ReviewPhase;
  label: string;
  explain: string;
  warning?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(state.message ?? "Done.");
    else toast.error(state.error.message);
  }, [state]);
  return (
    <form ref={form} action={formAction}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="to" value={to} />
      <Button size="lg" onClick={() => setOpen(true)} disabled={pending}>
        {pending ? "Moving…" : label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {state.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`${label}?`}
        description={
          <>
            <p>{explain}</p>
            {warning ? <p className="font-medium text-foreground">{warning}</p> : null}
          </>
        }
        confirmLabel={label}
        onConfirm={() => form.current?.requestSubmit()}
      />
    </form>
  );
}
