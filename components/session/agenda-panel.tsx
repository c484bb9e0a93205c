"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { ArrowRight, Check, Split } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SessionItemList, type WireItem } from "./agenda-items";
import { locate, type WireSession } from "./agenda-strip";
import { Countdown, TimerControls } from "./agenda-timer";
import { callApi, useRefresh } from "./findings-support";

export { AgendaStrip } from "./agenda-strip";

const DIVERGENCE_LABEL = { DESCRIBED_DIFFERENTLY: "Described differently", SEEN_BY_ONE: "Seen by one person", GAP: "Nothing recorded" } as const;

type Agenda = WireSession["agenda"];

/** The agenda in order — each step, then its divergence items — for "move on to the next". */
function flatten(agenda: Agenda): { id: string; title: string }[] {
  return agenda.flatMap((s) => [{ id: s.id, title: s.title }, ...s.items.map((i) => ({ id: i.id, title: i.title }))]);
}

/** Moves the session to a step (the facilitator's), with the error kept beside the buttons. */
function useMakeCurrent(reviewId: string, currentStep: string | null) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { refresh, refreshing } = useRefresh();
  /** Set when this browser moved the session, so focus follows the move here (never on other people's screens). */
  const movedHere = useRef(false);
  async function makeCurrent(step: string | null, title?: string) {
    movedHere.current = true;
    setPending(step ?? "none");
    setError(null);
    const r = await callApi(`/api/v1/reviews/${reviewId}/session`, "PATCH", { step });
    if (!r.ok) {
      setPending(null);
      setError(r.error.fields?.step?.join(" ") ?? r.error.message);
      return;
    }
    if (title) toast.success(`Now: ${title}`);
    refresh(() => setPending(null));
  }
  // "Make current" turns into the "Current" badge: focus the step it made current rather than losing it.
  const currentRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!movedHere.current) return;
    movedHere.current = false;
    if (!document.activeElement || document.activeElement === document.body) currentRef.current?.focus({ preventScroll: true });
  }, [currentStep]);
  return { makeCurrent, pending, busy: pending !== null || refreshing, error, currentRef };
}

/**
 * The session's agenda: the method's steps with the divergences between the accounts, the current
 * step highlighted, the timer, the prepared questions and the parking lot. The facilitator moves
 * the session along and runs the timer; everyone who contributes adds to the parking lot.
 */
export function AgendaPanel({ reviewId, session }: { reviewId: string; session: WireSession }) {
  const { abilities } = session;
  const facilitate = abilities.facilitate;
  const at = locate(session.agenda, session.currentStep);
  const order = flatten(session.agenda);
  const currentIndex = at ? order.findIndex((o) => o.id === session.currentStep) : -1;
  const next = order[currentIndex + 1] ?? null;
  const move = useMakeCurrent(reviewId, session.currentStep);
  const ended = session.phase !== "GROUP";

  const manageParking = (item: WireItem) => facilitate || (item.mine && abilities.contribute);
  const currentRef = move.currentRef;

  return (
    <div className="@container space-y-6">
      {ended ? <p className="rounded-md bg-surface-muted px-4 py-3 text-sm text-muted">The session has ended: its agenda, questions and parking lot are read-only now.</p> : null}

      <section aria-labelledby="agenda-now" className="rounded-lg border border-accent/30 bg-surface p-4 shadow-xs sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 id="agenda-now" className="text-xs font-semibold tracking-wide text-accent uppercase">
              Now
            </h2>
            {at ? (
              <p className="mt-1 text-lg leading-snug font-semibold break-words">
                {at.item ? at.item.title : at.step.title}
                {at.item ? <span className="mt-0.5 block text-sm font-normal text-muted">{at.step.title}</span> : null}
              </p>
            ) : (
              <p className="mt-1 text-sm text-muted">
                {facilitate ? "Choose where to start: the first step, or anything on the agenda below." : "The facilitator has not chosen a step yet."}
              </p>
            )}
          </div>
          <Countdown timer={session.timer} size="lg" />
        </div>
        {facilitate ? (
          <div className="mt-4 space-y-4 border-t border-border pt-4">
            {next || !at ? (
              <Button
                variant={at ? "secondary" : "primary"}
                size="sm"
                disabled={move.busy}
                className="h-auto min-h-8 max-w-full py-1.5 text-left whitespace-normal"
                onClick={() => void move.makeCurrent((next ?? order[0]!).id, (next ?? order[0]!).title)}
              >
                <span className="min-w-0">{at ? `Move on: ${next!.title}` : `Start with: ${order[0]!.title}`}</span>
                <ArrowRight aria-hidden className="size-4 shrink-0" />
              </Button>
            ) : (
              <p className="text-sm text-muted">This is the last step of the agenda.</p>
            )}
            <div>
              <h3 className="mb-2 text-sm font-medium">
                Timer {session.timer ? null : <span className="font-normal text-muted">· none running</span>}
              </h3>
              <TimerControls reviewId={reviewId} timer={session.timer} />
            </div>
          </div>
        ) : null}
        {move.error ? (
          <p role="alert" className="mt-3 text-xs font-medium text-danger">
            {move.error}
          </p>
        ) : null}
      </section>

      <div className="grid items-start gap-6 @min-[52rem]:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="agenda-steps" className="min-w-0 space-y-3">
          <div>
            <h2 id="agenda-steps" className="text-base font-semibold">
              Agenda
            </h2>
            <p className="text-sm text-muted">The method&apos;s steps of a group investigation: a learning session, not a fixing one.</p>
          </div>
          <ol className="space-y-3">
            {session.agenda.map((step, index) => {
              const current = session.currentStep === step.id;
              const holdsCurrent = !current && at?.step.id === step.id;
              return (
                <li
                  key={step.id}
                  ref={current ? currentRef : undefined}
                  tabIndex={current ? -1 : undefined}
                  aria-current={current ? "step" : undefined}
                  data-step={step.id}
                  className={cn("rounded-lg border p-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring", current ? "border-accent bg-accent-soft/60" : holdsCurrent ? "border-accent/40 bg-surface" : "border-border bg-surface")}
                >
                  <div className="flex items-start gap-3">
                    <span
                      aria-hidden
                      className={cn(
                        "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                        current ? "bg-accent text-accent-foreground" : "bg-surface-muted text-muted",
                      )}
                    >
                      {index + 1}
                    </span>
                    <div className="min-w-0 flex-1">
                      <div className="grid gap-x-3 gap-y-1.5 sm:grid-cols-[minmax(0,1fr)_auto]">
                        <h3 className="min-w-0 text-sm leading-snug font-semibold sm:col-start-1 sm:row-start-1">
                          <span className="sr-only">Step {index + 1}: </span>
                          {step.title}
                        </h3>
                        <p className="text-sm text-muted sm:col-start-1">{step.description}</p>
                        {current || facilitate ? (
                          <div className="order-last sm:order-none sm:col-start-2 sm:row-start-1 sm:justify-self-end">
                            <StepAction current={current} facilitate={facilitate} title={step.title} busy={move.busy} pending={move.pending === step.id} onClick={() => void move.makeCurrent(step.id, step.title)} />
                          </div>
                        ) : null}
                      </div>
                      {step.id === "divergences" ? (
                        step.items.length ? (
                          <ul aria-label="Where perspectives differ" className="mt-3 space-y-2">
                            {step.items.map((item) => {
                              const itemCurrent = session.currentStep === item.id;
                              return (
                                <li
                                  key={item.id}
                                  ref={itemCurrent ? currentRef : undefined}
                                  tabIndex={itemCurrent ? -1 : undefined}
                                  aria-current={itemCurrent ? "step" : undefined}
                                  className={cn("rounded-md border px-3 py-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring", itemCurrent ? "border-accent bg-accent-soft/60" : "border-border bg-surface")}
                                >
                                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                                    <div className="min-w-0 space-y-1">
                                      <Badge tone="warning">
                                        <Split aria-hidden className="size-3" /> {DIVERGENCE_LABEL[item.divergenceKind]}
                                      </Badge>
                                      <p className="text-sm break-words">{item.title}</p>
                                    </div>
                                    <StepAction
                                      current={itemCurrent}
                                      facilitate={facilitate}
                                      title={item.title}
                                      busy={move.busy}
                                      pending={move.pending === item.id}
                                      onClick={() => void move.makeCurrent(item.id, item.title)}
                                    />
                                  </div>
                                </li>
                              );
                            })}
                          </ul>
                        ) : (
                          <p className="mt-2 text-xs text-muted">The accounts do not diverge anywhere the timeline can tell. Ask the group where their views differed.</p>
                        )
                      ) : null}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
          {facilitate && session.currentStep ? (
            <Button variant="ghost" size="sm" className="text-muted" disabled={move.busy} onClick={() => void move.makeCurrent(null)}>
              Clear the current step
            </Button>
          ) : null}
        </section>

        <div className="min-w-0 space-y-6">
          <section aria-labelledby="agenda-questions" className="rounded-lg border border-border bg-surface p-4 shadow-xs">
            <h2 id="agenda-questions" className="text-sm font-semibold">
              Prepared questions
            </h2>
            <p className="mb-3 text-xs text-muted">{abilities.prepareQuestions ? "Questions you want the group to think about. Tick them off as you ask them." : "Questions the facilitator prepared for the session."}</p>
            <SessionItemList
              reviewId={reviewId}
              kind="QUESTION"
              items={session.questions}
              canAdd={abilities.prepareQuestions}
              canManage={() => abilities.prepareQuestions}
              empty={abilities.prepareQuestions ? "No questions yet. Prepare a few open questions: how, what, what made sense at the time." : "No prepared questions."}
            />
          </section>
          <section aria-labelledby="agenda-parking" className="rounded-lg border border-border bg-surface p-4 shadow-xs">
            <h2 id="agenda-parking" className="text-sm font-semibold">
              Parking lot
            </h2>
            <p className="mb-3 text-xs text-muted">Topics worth following up that would derail the session now.</p>
            <SessionItemList
              reviewId={reviewId}
              kind="PARKING_LOT"
              items={session.parkingLot}
              canAdd={abilities.contribute}
              canManage={manageParking}
              empty={abilities.contribute ? "Nothing parked yet. Park a topic here to come back to it after the session." : "Nothing parked yet."}
            />
          </section>
        </div>
      </div>
    </div>
  );
}

function StepAction({ current, facilitate, title, busy, pending, onClick }: { current: boolean; facilitate: boolean; title: string; busy: boolean; pending: boolean; onClick: () => void }) {
  if (current) {
    return (
      <Badge tone="accent" className="shrink-0">
        <Check aria-hidden className="size-3" /> Current
      </Badge>
    );
  }
  if (!facilitate) return null;
  return (
    <Button variant="secondary" size="sm" className="h-7 shrink-0 px-2.5 text-xs" disabled={busy} aria-label={`Make “${title}” the current step`} onClick={onClick}>
      {pending ? "Moving…" : "Make current"}
    </Button>
  );
}
