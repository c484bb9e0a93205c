"use client";

import { useActionState, useEffect, useRef } from "react";
import { toast } from "sonner";
import { X } from "lucide-react";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";
import { RoleBadge } from "./role-badge";

type Participant = { id: string; name: string | null; email: string; role: string };
type Act<T> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;

function RemoveButton({ action, reviewId, participant }: { action: Act<null>; reviewId: string; participant: Participant }) {
  const [state, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (state && !state.ok) toast.error(state.error.message);
  }, [state]);
  return (
    <form action={formAction}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="participantId" value={participant.id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded p-1 text-muted hover:bg-surface-muted hover:text-danger"
        aria-label={`Remove ${participant.name ?? participant.email}`}
        title="Remove from the review"
      >
        <X aria-hidden className="size-4" />
      </button>
    </form>
  );
}

export function ParticipantList({
  participants,
  reviewId,
  canManage,
  canRemoveResponders,
  canInviteResponders,
  addAction,
  removeAction,
}: {
  participants: Participant[];
  reviewId: string;
  canManage: boolean;
  canRemoveResponders: boolean;
  canInviteResponders: boolean;
  addAction: Act<{ email: string }>;
  removeAction: Act<null>;
}) {
  const [state, formAction] = useActionState(addAction, null);
  const form = useRef<HTMLFormElement>(null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  const values = state && !state.ok ? state.values : undefined;
  useEffect(() => {
    if (state?.ok) {
      toast.success(state.message ?? "Invited.");
      form.current?.reset();
    }
  }, [state]);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border">
        {participants.map((p) => (
          <li key={p.id} className="flex items-center justify-between gap-3 py-2">
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium">{p.name ?? p.email}</span>
              <span className="block truncate text-xs text-muted">{p.email}</span>
            </span>
            <span className="flex shrink-0 items-center gap-2">
              <RoleBadge role={p.role} />
              {canManage && p.role !== "FACILITATOR" && (p.role === "OBSERVER" || canRemoveResponders) ? (
                <RemoveButton action={removeAction} reviewId={reviewId} participant={p} />
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {canManage ? (
        <form ref={form} action={formAction} noValidate>
          <FormFields className="space-y-3 border-t border-border pt-4">
            <input type="hidden" name="reviewId" value={reviewId} />
            <p className="text-sm font-medium">Invite someone</p>
            {state && !state.ok && !fields ? (
              <p role="alert" className="text-sm text-danger">
                {state.error.message}
              </p>
            ) : null}
            <Field label="E-mail" error={fields?.email ?? (state && !state.ok && state.error.code === "CONFLICT" ? state.error.message : undefined)}>
              {(p) => <Input {...p} name="email" type="email" placeholder="name@company.com" defaultValue={values?.email} key={state?.at} />}
            </Field>
            <div className="flex items-end gap-2">
              <Field label="Role" className="flex-1" error={fields?.role}>
                {(p) => (
                  <Select {...p} name="role" defaultValue={values?.role ?? (canInviteResponders ? "responder" : "observer")} key={state?.at}>
                    {canInviteResponders ? <option value="responder">Responder</option> : null}
                    <option value="observer">Observer</option>
                  </Select>
                )}
              </Field>
              <SubmitButton variant="secondary" pendingLabel="Inviting…">
                Invite
              </SubmitButton>
            </div>
            <p className="text-xs text-muted">Responders write an account; observers read along.</p>
          </FormFields>
        </form>
      ) : null}
    </div>
  );
}
