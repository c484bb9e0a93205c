"use client";

import { useActionState, useEffect, useState } from "react";
import { toast } from "sonner";
import { BellRing } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormMessage, SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult, FormActionFn } from "@/lib/http/action";

type Row = {
  participantId: string;
  name: string;
  status: "NOT_STARTED" | "DRAFTING" | "SUBMITTED";
  lastActivity: string | null;
  wordCount: number;
  overdue: boolean;
  lastReminded: string | null;
};

const STATUS = { NOT_STARTED: ["Not started", "neutral"], DRAFTING: ["Drafting", "accent"], SUBMITTED: ["Submitted", "success"] } as const;

function RemindButton<T>({ action, reviewId, participantId, label }: { action: FormActionFn<T>; reviewId: string; participantId?: string; label: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<T>, FormData>(action, null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(state.message ?? "Reminder sent.");
    else toast.error(state.error.message);
  }, [state]);
  return (
    <form action={formAction}>
      <input type="hidden" name="reviewId" value={reviewId} />
      {participantId ? <input type="hidden" name="participantId" value={participantId} /> : null}
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        <BellRing aria-hidden className="size-3.5" /> {pending ? "Sending…" : label}
      </Button>
    </form>
  );
}

/** One row per responder: status, last activity, word count — never content. */
export function StatusTable<T>({ rows, reviewId, canRemind, remindAction }: { rows: Row[]; reviewId: string; canRemind: boolean; remindAction: FormActionFn<T> }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">Responders and the state of their accounts</caption>
        <thead className="border-b border-border text-left text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Responder</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Last activity</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Words</th>
            {canRemind ? <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Remind</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((r) => {
            const [label, tone] = STATUS[r.status];
            return (
              <tr key={r.participantId} className={r.overdue ? "bg-danger-soft/40" : undefined}>
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  {r.name}
                  {r.overdue ? <span className="ml-2 text-xs font-normal text-danger">overdue</span> : null}
                </th>
                <td className="px-4 py-3">
                  <Badge tone={tone}>{label}</Badge>
                </td>
                <td className="px-4 py-3 text-muted">{r.lastActivity ?? "—"}</td>
                <td className="px-4 py-3 text-right tabular-nums">{r.wordCount}</td>
                {canRemind ? (
                  <td className="px-4 py-3 text-right">
                    {r.status !== "SUBMITTED" ? (
                      <div className="flex items-center justify-end gap-2">
                        {r.lastReminded ? <span className="hidden text-xs text-muted md:inline">reminded {r.lastReminded}</span> : null}
                        <RemindButton action={remindAction} reviewId={reviewId} participantId={r.participantId} label="Remind" />
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export { RemindButton };

/** Deadline, anonymisation and prompts for the accounts. */
export function AccountSettingsForm<T>({
  action,
  reviewId,
  deadlineLocal,
  anonymise,
  prompts,
}: {
  action: FormActionFn<T>;
  reviewId: string;
  deadlineLocal: string;
  anonymise: boolean;
  prompts: string[];
}) {
  const [state, formAction] = useActionState<ActionResult<T>, FormData>(action, null);
  const [tz] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const f = state && !state.ok ? state.error.fields : undefined;
  // React resets the form when the action ends: on an error, show what was sent, not the stored settings.
  const sent = state && !state.ok ? state.values : null;
  return (
    <form action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="timezone" value={tz} />
        <Field label="Deadline" hint={`In your timezone (${tz}). Overdue responders are highlighted and reminded once automatically.`} error={f?.deadline}>
          {(p) => <Input {...p} type="datetime-local" name="deadline" defaultValue={sent ? sent.deadline : deadlineLocal} />}
        </Field>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="anonymise" defaultChecked={sent ? sent.anonymise === "on" : anonymise} className="mt-1 accent-[var(--accent)]" />
          <span>
            <span className="font-medium">Anonymise accounts</span>
            <span className="block text-xs text-muted">After the reveal, authors show as “Responder A, B, C…” — letters drawn at random — to everyone except admins.</span>
          </span>
        </label>
        <Field label="Guiding questions" hint="One per line. Responders answer them in any order." error={f?.prompts}>
          {(p) => <Textarea {...p} name="prompts" rows={7} defaultValue={sent ? sent.prompts : prompts.join("\n")} />}
        </Field>
        <SubmitButton variant="secondary">Save settings</SubmitButton>
      </FormFields>
    </form>
  );
}
