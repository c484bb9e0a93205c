"use client";

import { CheckCheck, ListChecks, Plus, X } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { callApi, useRefresh, type Wire } from "@/components/session/findings-support";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { ReviewActions } from "@/lib/action-items/list-review-actions";
import { ActionCard } from "./action-card";
import { ActionForm } from "./action-form";
import { FindingPlan } from "./finding-plan";
import type { Option, WireAction } from "./types";

type Composer = { kind: "add"; findingIds: string[] } | { kind: "edit"; action: WireAction };

/**
 * The review's Actions page: findings on one side (those without an action or a decision
 * flagged), actions on the other with their live status and tracker state. Planners add, edit,
 * agree (one or all) and delete actions and record "no action needed"; everyone else reads.
 * Writes go through the REST API; the page is then refreshed from the server.
 */
export function ActionsWorkspace({
  reviewId,
  plan,
  teams,
  people,
  defaultTeamId,
  timeZone,
}: {
  reviewId: string;
  plan: Wire<ReviewActions>;
  teams: Option[];
  people: Option[];
  defaultTeamId: string;
  timeZone?: string;
}) {
  const canPlan = plan.abilities.plan;
  const [composer, setComposer] = useState<Composer | null>(null);
  const [agreeing, setAgreeing] = useState(false);
  const { refresh, refreshing } = useRefresh();
  const trigger = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const editing = composer?.kind === "edit" ? plan.actions.find((a) => a.id === composer.action.id) : undefined;
  const gone = composer?.kind === "edit" && !editing;
  const proposed = plan.actions.filter((a) => !a.agreed).length;
  const findingTitles = useMemo(() => new Map(plan.findings.map((f) => [f.id, f.title] as const)), [plan.findings]);
  const actionTitles = useMemo(() => new Map(plan.actions.map((a) => [a.id, a.title] as const)), [plan.actions]);
  const findingOptions = useMemo(() => plan.findings.map((f) => ({ id: f.id, title: f.title, categoryLabel: f.categoryLabel })), [plan.findings]);

  // When the form closes, the keyboard goes back to the button that opened it (or the card's Edit, if the card re-rendered).
  useEffect(() => {
    if (wasOpen.current && !composer) {
      const back = trigger.current?.isConnected ? trigger.current : document.querySelector<HTMLElement>(`[data-edit-action="${trigger.current?.dataset.editAction}"]`);
      back?.focus();
    }
    wasOpen.current = !!composer;
  }, [composer]);

  const open = (next: Composer) => {
    if (composer?.kind === "edit" && next.kind === "edit" && composer.action.id === next.action.id) return setComposer(null);
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setComposer(next);
    requestAnimationFrame(() => document.getElementById("action-composer")?.scrollIntoView({ block: "nearest", behavior: "smooth" }));
  };

  async function agreeAll() {
    setAgreeing(true);
    const r = await callApi<{ agreedIds: string[] }>(`/api/v1/reviews/${reviewId}/action-items/agree`, "POST");
    setAgreeing(false);
    if (!r.ok) return void toast.error(r.error.message);
    toast.success(r.data.agreedIds.length === 1 ? "1 action agreed." : `${r.data.agreedIds.length} actions agreed.`);
    refresh();
  }

  const unaddressed = plan.summary.unaddressedFindings;
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-labelledby="findings-heading" className="min-w-0 space-y-3">
        <div>
          <h2 id="findings-heading" className="text-base font-semibold">
            Findings
          </h2>
          <p className="text-sm text-muted" aria-live="polite">
            {plan.findings.length === 0
              ? "The group named no findings."
              : unaddressed
                ? `${unaddressed === 1 ? "1 finding needs" : `${unaddressed} findings need`} an action or a “no action needed” decision.`
                : "Every finding has an action or a decision."}
          </p>
        </div>
        {plan.findings.length ? (
          <ul className="space-y-2">
            {plan.findings.map((f) => (
              <li key={f.id}>
                <FindingPlan reviewId={reviewId} finding={f} actionTitles={actionTitles} canPlan={canPlan} onAddAction={() => open({ kind: "add", findingIds: [f.id] })} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted">Findings are named in the group session; actions can still be planned without them.</p>
        )}
      </section>

      <section aria-labelledby="actions-heading" className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="actions-heading" tabIndex={-1} className="text-base font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
              Actions
            </h2>
            <p className="text-sm text-muted">
              {plan.summary.actions === 0 ? "None yet." : `${plan.summary.actions} in all · ${plan.summary.agreed} agreed · ${plan.summary.closed} closed${plan.summary.overdue ? ` · ${plan.summary.overdue} overdue` : ""}`}
            </p>
          </div>
          {canPlan ? (
            <div className="flex flex-wrap gap-2">
              {proposed ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" disabled={agreeing || refreshing}>
                      <CheckCheck aria-hidden className="size-4" /> {agreeing ? "Agreeing…" : `Agree all (${proposed})`}
                    </Button>
                  }
                  title={`Agree ${proposed === 1 ? "the proposed action" : `all ${proposed} proposed actions`}?`}
                  description={<p>Agreed actions go into their teams&apos; backlogs and, where a tracker is connected, into the tracker. Their lead time starts now.</p>}
                  confirmLabel="Agree all"
                  onConfirm={() => void agreeAll()}
                />
              ) : null}
              <Button onClick={() => open({ kind: "add", findingIds: [] })} aria-expanded={composer?.kind === "add"} aria-controls={composer ? "action-composer" : undefined}>
                <Plus aria-hidden className="size-4" /> Add an action
              </Button>
            </div>
          ) : null}
        </div>

        {composer ? (
          <div id="action-composer" className="rounded-lg border border-accent/40 bg-surface p-4 shadow-sm sm:p-5">
            <div className="mb-3 flex items-start justify-between gap-3">
              <h3 className="text-sm font-semibold">{editing ? "Edit the action" : "Add an action"}</h3>
              <button type="button" onClick={() => setComposer(null)} className="-m-1 rounded p-1 text-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring" aria-label="Close without saving">
                <X aria-hidden className="size-4" />
              </button>
            </div>
            {gone ? (
              <Alert tone="info" className="mb-4">
                Someone deleted this action while you were editing it. What you typed is still here; copy it into a new action if it is still needed.
              </Alert>
            ) : null}
            <ActionForm
              key={composer.kind === "edit" ? `edit-${composer.action.id}` : `add-${composer.findingIds.join(",")}`}
              reviewId={reviewId}
              action={editing ?? (composer.kind === "edit" ? composer.action : undefined)}
              teams={teams}
              people={people}
              findings={findingOptions}
              defaultTeamId={defaultTeamId}
              initialFindingIds={composer.kind === "add" ? composer.findingIds : undefined}
              onClose={() => setComposer(null)}
            />
          </div>
        ) : null}

        {plan.actions.length ? (
          <ul className="space-y-3">
            {plan.actions.map((a) => (
              <li key={a.id}>
                <ActionCard action={a} findingTitles={findingTitles} editing={editing?.id === a.id} planning={plan.phase === "ACTION_PLANNING"} timeZone={timeZone} onEdit={() => open({ kind: "edit", action: a })} />
              </li>
            ))}
          </ul>
        ) : composer ? null : (
          <EmptyState icon={ListChecks} title="No actions yet" action={canPlan ? <Button onClick={() => open({ kind: "add", findingIds: [] })}>Add the first action</Button> : undefined}>
            {canPlan
              ? "Turn the findings into small, concrete actions — hours or days of work, each owned by a team. Agreed actions go to the team's backlog."
              : "The facilitator and responders plan actions here during action planning."}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
