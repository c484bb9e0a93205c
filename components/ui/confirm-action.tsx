"use client";

import { useActionState, useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/http/action";
import { Button, type ButtonVariant } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import type { AnyFormAction } from "./action-types";

type Act = AnyFormAction;

/**
 * A button that runs a server action after a confirmation: posts `fields` as a form, toasts the
 * success message and shows an error plainly beside the button (it stays until the next try).
 */
export function ConfirmAction({
  action,
  fields,
  label,
  ariaLabel,
  icon,
  variant = "secondary",
  title,
  description,
  confirmLabel,
  confirmVariant = "danger",
  pendingLabel,
  size = "sm",
  align = "end",
}: {
  action: Act;
  fields: Record<string, string>;
  label: ReactNode;
  /** The accessible name when `label` alone is ambiguous in a list ("Remove" → "Remove Ada from Payments"). */
  ariaLabel?: string;
  icon?: ReactNode;
  variant?: ButtonVariant;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  pendingLabel?: string;
  size?: "sm" | "md" | "lg";
  /** Where the button and its error sit: at the end of a row (default) or the start of a block. */
  align?: "start" | "end";
}) {
  // Toast from the action itself: the row may disappear with the refresh, taking any effect with it.
  const [state, formAction, pending] = useActionState(async (prev: ActionResult<unknown>, form: FormData) => {
    const result = await action(prev as never, form);
    if (result?.ok) toast.success(result.message ?? "Done.");
    return result;
  }, null);
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={formAction} className={`inline-flex flex-col gap-1 ${align === "end" ? "items-end" : "items-start"}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} size={size} onClick={() => setOpen(true)} disabled={pending} aria-label={ariaLabel}>
        {icon}
        {pending ? (pendingLabel ?? "Working…") : label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className={`max-w-xs text-xs font-medium text-danger ${align === "end" ? "text-right" : ""}`}>
          {state.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        confirmVariant={confirmVariant}
        onConfirm={() => form.current?.requestSubmit()}
      />
    </form>
  );
}
