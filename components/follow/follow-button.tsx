"use client";

import { useActionState } from "react";
import { BellPlus, Check } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { AnyFormAction } from "@/components/ui/action-types";
import type { ActionResult } from "@/lib/http/action";

/**
 * Follow (or stop following) a team, a service or a tag, in place: a pressed toggle button that
 * says what it does. Newly published reviews of what you follow reach you in your digest.
 */
export function FollowButton({
  kind,
  value,
  label,
  following,
  teamSlug,
  followAction,
  unfollowAction,
}: {
  kind: "TEAM" | "SERVICE" | "TAG";
  value: string;
  label: string;
  following: boolean;
  teamSlug?: string;
  followAction: AnyFormAction;
  unfollowAction: AnyFormAction;
}) {
  const [state, formAction, pending] = useActionState(async (prev: ActionResult<unknown>, form: FormData) => {
    const result = await (following ? unfollowAction : followAction)(prev as never, form);
    if (result?.ok) toast.success(result.message ?? "Saved.");
    return result;
  }, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={value} />
      <input type="hidden" name="label" value={label} />
      {teamSlug ? <input type="hidden" name="teamSlug" value={teamSlug} /> : null}
      <Button
        type="submit"
        size="sm"
        variant={following ? "secondary" : "primary"}
        aria-pressed={following}
        disabled={pending}
        title={following ? `Stop following ${label}` : `Get newly published reviews of ${label} in your digest`}
      >
        {following ? <Check aria-hidden className="size-4" /> : <BellPlus aria-hidden className="size-4" />}
        {pending ? (following ? "Unfollowing…" : "Following…") : following ? "Following" : "Follow"}
        <span className="sr-only"> {label}</span>
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="max-w-xs text-right text-xs font-medium text-danger">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
