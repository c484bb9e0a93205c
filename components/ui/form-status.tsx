"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { toast } from "sonner";
import { Button, type ButtonVariant } from "./button";
import { Alert } from "./alert";
import { cn } from "./cn";

/** A submit button that shows progress while its form's action runs. */
export function SubmitButton({ children, pendingLabel, variant, className }: { children: React.ReactNode; pendingLabel?: string; variant?: ButtonVariant; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} className={className}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </Button>
  );
}

/**
 * A form's fields, disabled while its action runs. React resets an action form when the action
 * ends, and our forms then show what was sent (or start empty after a success), so anything typed
 * in the meantime would silently vanish; the fields refuse it visibly instead. Disabling drops the
 * keyboard focus, so when the answer comes back with field errors the first field in error gets
 * it (keyboard and screen-reader users land on what to fix). Wrap the form's content (the layout
 * class goes here, not on the form).
 */
export function FormFields({ children, className }: { children: React.ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // Runs when the action ends, and on mount (forms re-keyed after an answer mount anew).
  useEffect(() => {
    if (pending) return;
    const invalid = fieldset.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid && document.activeElement?.getAttribute("aria-invalid") !== "true") invalid.focus();
  }, [pending]);
  return (
    <fieldset ref={fieldset} disabled={pending} aria-busy={pending || undefined} className={cn("min-w-0", className)}>
      {children}
    </fieldset>
  );
}

type Result = { ok: true; message?: string; at: number } | { ok: false; error: { message: string }; at: number } | null;

/** Shows a form-level error, and a quiet toast on success. */
export function FormMessage({ state }: { state: Result }) {
  useEffect(() => {
    if (state?.ok && state.message) toast.success(state.message);
  }, [state]);
  if (!state || state.ok) return null;
  return <Alert tone="error">{state.error.message}</Alert>;
}
