"use client";

import { useActionState } from "react";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormMessage, FormFields } from "@/components/ui/form-status";
import type { ActionResult, FormActionFn } from "@/lib/http/action";
import type { ReviewVisibility } from "@/lib/policies/types";
import { VisibilityChoice, type VisibilityOption } from "@/components/reviews/visibility-choice";

type Details = { summary: string; impact: string; tags: string[]; visibility: ReviewVisibility; sensitiveReviewedAt: Date | null };

const AUDIENCES: VisibilityOption[] = [
  ["ORGANISATION", "The whole organisation", "Recommended: everyone finds it in the library, so other teams learn from it."],
  ["TEAM", "The owning team", "Members of the owning team and the people who took part."],
  ["PARTICIPANTS", "Participants only", "Only the people who took part (and admins). For sensitive incidents."],
];

/**
 * The report's details and the publication: summary, impact, tags, audience and the
 * sensitive-content confirmation; "Save draft" keeps them, "Publish review" publishes (refused
 * with the missing items while the checklist is not met). Once published: "Save changes" only.
 */
export function PublishForm<T>({ action, reviewId, details, published }: { action: FormActionFn<T>; reviewId: string; details: Details; published: boolean }) {
  const [state, formAction, pending] = useActionState<ActionResult<T>, FormData>(action, null);
  const f = state && !state.ok ? state.error.fields : undefined;
  const v: Record<string, string | undefined> = state && !state.ok ? state.values : {};
  const checked = state && !state.ok ? v.sensitiveReviewed === "on" : details.sensitiveReviewedAt !== null;
  return (
    <form action={formAction} noValidate key={state?.at}>
      <FormFields className="space-y-6">
        <FormMessage state={state} />
        <input type="hidden" name="reviewId" value={reviewId} />
        <div id="summary" className="scroll-mt-6">
          <Field label="Summary" hint="Two or three sentences for readers of the library: what happened, and what the group learned." error={f?.summary} required>
            {(p) => <Textarea {...p} name="summary" rows={4} maxLength={2000} defaultValue={v.summary ?? details.summary} placeholder="For 38 minutes card payments failed because…" />}
          </Field>
        </div>
        <Field label="Impact" hint="Who and what was affected, and for how long." error={f?.impact}>
          {(p) => <Textarea {...p} name="impact" rows={3} maxLength={2000} defaultValue={v.impact ?? details.impact} placeholder="About 4,100 customers could not pay by card…" />}
        </Field>
        <Field label="Tags" hint="Separated by commas, e.g. tls, certificates, on-call. Readers filter and follow tags." error={f?.tags}>
          {(p) => <Input {...p} name="tags" defaultValue={v.tags ?? details.tags.join(", ")} placeholder="tls, certificates" />}
        </Field>
        <VisibilityChoice legend="Who can read it" options={AUDIENCES} defaultValue={v.visibility ?? details.visibility} error={f?.visibility} />
        <div id="sensitive" className="scroll-mt-6 rounded-lg border border-border bg-surface-muted/50 p-4">
          <label className="flex cursor-pointer gap-3">
            <input type="checkbox" name="sensitiveReviewed" defaultChecked={checked} className="mt-1 size-4 accent-[var(--accent)]" aria-describedby="sensitive-hint" />
            <span>
              <span className="flex items-center gap-1.5 text-sm font-medium">
                <ShieldCheck aria-hidden className="size-4 text-accent" /> I checked the report for sensitive content
              </span>
              <span id="sensitive-hint" className="mt-1 block text-xs text-muted">
                No secrets or credentials, no customer names or data, no personal details about colleagues — in the summary, timeline, narrative, findings and actions.
              </span>
            </span>
          </label>
          {f?.sensitiveReviewed ? <p className="mt-2 text-xs font-medium text-danger">{f.sensitiveReviewed.join(" ")}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 border-t border-border pt-5">
          {published ? (
            <Button type="submit" name="intent" value="save" disabled={pending}>
              {pending ? "Saving…" : "Save changes"}
            </Button>
          ) : (
            <>
              <Button type="submit" name="intent" value="publish" size="lg" disabled={pending}>
                {pending ? "Publishing…" : "Publish review"}
              </Button>
              <Button type="submit" name="intent" value="save" variant="secondary" size="lg" disabled={pending}>
                Save draft
              </Button>
            </>
          )}
        </div>
      </FormFields>
    </form>
  );
}
