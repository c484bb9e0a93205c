"use client";

import Link from "next/link";
import { ListChecks } from "lucide-react";
import type { SessionView } from "@/lib/session/get-session";
import { Countdown } from "./agenda-timer";
import type { Wire } from "./findings-support";

export type WireSession = Wire<SessionView>;
type Agenda = WireSession["agenda"];

export type AgendaPosition = { stepIndex: number; step: Agenda[number]; item: Agenda[number]["items"][number] | null };

/** Where the session is: the step (and divergence item) named by `currentStep`, or null. */
export function locate(agenda: Agenda, currentStep: string | null): AgendaPosition | null {
  if (!currentStep) return null;
  for (const [stepIndex, step] of agenda.entries()) {
    if (step.id === currentStep) return { stepIndex, step, item: null };
    const item = step.items.find((i) => i.id === currentStep);
    if (item) return { stepIndex, step, item };
  }
  return null;
}

/**
 * A slim bar for the top of the session workspace: the current step and the timer, on every tab.
 * The facilitator changes both on the Agenda tab.
 */
export function AgendaStrip({ session }: { session: WireSession }) {
  if (!session.started) return null;
  const at = locate(session.agenda, session.currentStep);
  return (
    <section
      aria-label="Current agenda step"
      data-agenda-strip
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-border bg-surface px-4 py-2.5 shadow-xs"
    >
      <div className="flex min-w-0 items-start gap-2.5">
        <ListChecks aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />
        <div className="min-w-0 text-sm">
          {at ? (
            <p className="break-words">
              <span className="text-muted">
                Now · step {at.stepIndex + 1} of {session.agenda.length}:
              </span>{" "}
              <span className="font-medium">{at.step.title}</span>
              {at.item ? <span className="block text-muted sm:inline"> — {at.item.title}</span> : null}
            </p>
          ) : (
            <p className="text-muted">{session.abilities.facilitate ? "No step chosen yet: pick one on the Agenda tab." : "The facilitator has not chosen a step yet."}</p>
          )}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Countdown timer={session.timer} size="sm" />
        <Link href="?tab=agenda" scroll={false} className="rounded-sm text-xs text-accent hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
          Agenda
        </Link>
      </div>
    </section>
  );
}
