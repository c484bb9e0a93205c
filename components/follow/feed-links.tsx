"use client";

import { useActionState, useState } from "react";
import { Rss, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyField } from "@/components/ui/copy-field";
import { FormMessage } from "@/components/ui/form-status";
import type { AnyFormAction } from "@/components/ui/action-types";
import type { ActionResult } from "@/lib/http/action";

type Created = { token: string; replaced: boolean };
type CreateAction = (prev: ActionResult<Created>, form: FormData) => Promise<ActionResult<Created>>;

/**
 * Atom feeds for feed readers, which cannot sign in: a personal feed link (a token in the URL)
 * that opens the feeds and nothing else, shown once when created, replaceable and revocable.
 */
export function FeedLinks({
  origin,
  existing,
  teams,
  createAction,
  revokeAction,
}: {
  origin: string;
  existing: { prefix: string; created: string; lastUsed: string | null } | null;
  teams: { slug: string; name: string }[];
  createAction: CreateAction;
  revokeAction: AnyFormAction;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<Created>, FormData>(createAction, null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const created = state?.ok && dismissedAt !== state.at ? state.data : null;
  const url = (path: string) => `${origin}/feeds/${path}${path.includes("?") ? "&" : "?"}token=${created?.token ?? ""}`;
  return (
    <div className="space-y-4 text-sm">
      {created ? (
        <div role="status" className="space-y-3 rounded-md border border-warning/40 bg-warning-soft p-4">
          <p className="flex items-start gap-2 font-medium">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
            Copy your feed links now: they hold your personal feed token and will not be shown again.
          </p>
          <CopyField label="Reviews you follow" value={url("following.atom")} />
          <CopyField label="The whole library" value={url("library.atom")} hint="Add filters as in the library: ?team=payments&service=checkout-api&tag=dns&severity=SEV1." />
          {teams.map((t) => (
            <CopyField key={t.slug} label={`${t.name}’s reviews`} value={url(`teams/${t.slug}.atom`)} />
          ))}
          <Button variant="secondary" size="sm" onClick={() => setDismissedAt(state!.at)}>
            I have copied them
          </Button>
        </div>
      ) : null}
      {existing ? (
        <p className="flex flex-wrap items-center gap-2 text-muted">
          <Rss aria-hidden className="size-4 text-foreground" />
          Your feed link <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{existing.prefix}…</code> was created {existing.created}
          {existing.lastUsed ? `, last read by a feed reader ${existing.lastUsed}` : ", not read by a feed reader yet"}.
        </p>
      ) : (
        <p className="text-muted">
          Feed readers cannot sign in, so feeds use a personal link: it shows only what you may see, opens the feeds and nothing else, and can be revoked at any time.
        </p>
      )}
      <div className="flex flex-wrap items-start gap-2">
        <form action={formAction}>
          <Button type="submit" variant={existing ? "secondary" : "primary"} size="sm" disabled={pending}>
            {pending ? "Creating…" : existing ? "Replace feed link" : "Create feed link"}
          </Button>
        </form>
        {existing ? (
          <ConfirmAction
            action={revokeAction}
            fields={{}}
            label="Revoke"
            variant="ghost"
            align="start"
            title="Revoke your feed link?"
            description={<p>Feed readers using it are refused from now on. You can create a new link at any time.</p>}
            confirmLabel="Revoke feed link"
            pendingLabel="Revoking…"
          />
        ) : null}
      </div>
      {existing && !created ? <p className="text-xs text-muted">Replacing the link ends the old one: update your feed reader with the new links.</p> : null}
      <FormMessage state={state && !state.ok ? state : null} />
    </div>
  );
}
