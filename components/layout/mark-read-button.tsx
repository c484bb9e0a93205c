"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult, FormActionFn } from "@/lib/http/action";

export function MarkReadButton<T>({ action }: { action: FormActionFn<T> }) {
  const [, formAction, pending] = useActionState<ActionResult<T>, FormData>(action, null);
  return (
    <form action={formAction}>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
    </form>
  );
}
