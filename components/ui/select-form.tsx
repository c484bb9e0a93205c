"use client";

import { useActionState, useState } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "./button";
import { Select } from "./field";
import type { AnyFormAction } from "./action-types";

type Act = AnyFormAction;

/**
 * A compact "change this value" control for lists (a person's role): a labelled select whose
 * Save button appears once the value differs, so arrowing through the options never saves by
 * accident. Errors show beside it; success is a toast.
 */
export function SelectForm({
  action,
  fields,
  name,
  label,
  value,
  options,
  saveLabel = "Save",
}: {
  action: Act;
  fields: Record<string, string>;
  name: string;
  /** The accessible label, e.g. "Team role of Ada Admin". */
  label: string;
  value: string;
  options: { value: string; label: string }[];
  saveLabel?: string;
}) {
  // Toast from the action itself: the row may disappear with the refresh, taking any effect with it.
  const [state, formAction, pending] = useActionState(async (prev: ActionResult<unknown>, form: FormData) => {
    const result = await action(prev as never, form);
    if (result?.ok) toast.success(result.message ?? "Saved.");
    return result;
  }, null);
  const [chosen, setChosen] = useState(value);
  const [prevValue, setPrevValue] = useState(value);
  // When the saved value changes (after a save and refresh), follow it.
  if (prevValue !== value) {
    setPrevValue(value);
    setChosen(value);
  }
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="flex items-center gap-2">
        <Select name={name} aria-label={label} value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={pending} className="h-8 w-auto py-1">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        {chosen !== value || pending ? (
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? "Saving…" : saveLabel}
          </Button>
        ) : null}
      </div>
      {state && !state.ok ? (
        <p role="alert" className="max-w-xs text-right text-xs font-medium text-danger">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
