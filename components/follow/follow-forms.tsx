"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { FormFields, FormMessage } from "@/components/ui/form-status";
import { cn } from "@/components/ui/cn";
import type { AnyFormAction } from "@/components/ui/action-types";
import type { ActionResult } from "@/lib/http/action";

type Kind = "TEAM" | "SERVICE" | "TAG";

function FollowOne({ kind, label, hint, action, children }: { kind: Kind; label: string; hint: string; action: AnyFormAction; children: (id: string, sent?: string) => React.ReactNode }) {
  const [state, formAction, pending] = useActionState(async (prev: ActionResult<unknown>, form: FormData) => action(prev as never, form), null);
  const id = useId();
  // React resets the form when the action ends: on an error the field shows what was sent again.
  const sent = state && !state.ok ? state.values.value : undefined;
  return (
    <form action={formAction} key={state?.at}>
      <FormFields className="space-y-1.5">
        <input type="hidden" name="kind" value={kind} />
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <div className="flex gap-2">
          {children(id, sent)}
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Following…" : "Follow"}
          </Button>
        </div>
        <p className="text-xs text-muted">{hint}</p>
        <FormMessage state={state} />
      </FormFields>
    </form>
  );
}

/** Follow a team, a service or a tag by name (services and tags suggested from published reviews). */
export function FollowForms({ action, teams, services, tags }: { action: AnyFormAction; teams: { id: string; name: string }[]; services: string[]; tags: string[] }) {
  return (
    <div className="space-y-5">
      <FollowOne kind="TEAM" label="A team" hint="Every review the team publishes that you may read." action={action}>
        {(id, sent) => (
          <select id={id} name="value" required className={cn(controlClass, "h-9 pr-8")} defaultValue={sent ?? ""}>
            <option value="" disabled>
              Choose a team…
            </option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </FollowOne>
      <FollowOne kind="SERVICE" label="A service" hint="Reviews of incidents that involved it — whichever team owned them." action={action}>
        {(id, sent) => (
          <>
            <input id={id} name="value" required maxLength={100} list={`${id}-list`} placeholder="e.g. checkout-api" defaultValue={sent} className={cn(controlClass, "h-9")} autoComplete="off" />
            <datalist id={`${id}-list`}>
              {services.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        )}
      </FollowOne>
      <FollowOne kind="TAG" label="A tag" hint="Reviews tagged with it when they were published." action={action}>
        {(id, sent) => (
          <>
            <input id={id} name="value" required maxLength={100} list={`${id}-list`} placeholder="e.g. dns" defaultValue={sent} className={cn(controlClass, "h-9")} autoComplete="off" />
            <datalist id={`${id}-list`}>
              {tags.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </>
        )}
      </FollowOne>
    </div>
  );
}
