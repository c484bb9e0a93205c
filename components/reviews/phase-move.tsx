"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import type { AnyFormAction } from "@/components/ui/action-types";
import type { ReviewPhase } from "@/lib/policies/types";

/** The facilitator's button that moves a review one phase on, always after a confirmation. */
export function PhaseMove({
  action,
  reviewId,
  to,
  label,
  explain,
  warning,
}: {
  action: AnyFormAction;
  reviewId: string;
  to: ReviewPhase;
  label: string;
  explain: string;
  warning?: string;
}) {
  return (
    <ConfirmAction
      action={action}
      fields={{ reviewId, to }}
      label={label}
      variant="primary"
      size="lg"
      align="start"
      title={`${label}?`}
      description={
        <>
          <p>{explain}</p>
          {warning ? <p className="font-medium text-foreground">{warning}</p> : null}
        </>
      }
      confirmLabel={label}
      confirmVariant="primary"
      pendingLabel="Moving…"
    />
  );
}
