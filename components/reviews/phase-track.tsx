import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { PHASE_LABEL, PHASES } from "@/lib/reviews/lifecycle";
import type { ReviewPhase } from "@/lib/policies/types";

/** The five phases as a progress track; `compact` is the one-line version for lists. */
export function PhaseTrack({ phase, compact }: { phase: ReviewPhase; compact?: boolean }) {
  const current = PHASES.indexOf(phase);
  if (compact) {
    return (
      <span className="inline-flex items-center gap-2" title={`Phase ${current + 1} of 5: ${PHASE_LABEL[phase]}`}>
        <span aria-hidden className="phase-pills" data-step={current + 1} data-published={phase === "PUBLISHED" ? "" : undefined} />
        <span className="text-xs text-muted">{PHASE_LABEL[phase]}</span>
      </span>
    );
  }
  return (
    <ol className="grid grid-cols-5 gap-1.5" aria-label="Review phases">
      {PHASES.map((p, i) => {
        const done = i < current || phase === "PUBLISHED";
        const active = i === current;
        return (
          <li key={p} aria-current={active ? "step" : undefined} className="min-w-0">
            <div className={cn("h-1.5 rounded-full", done ? "bg-success" : active ? "bg-accent" : "bg-border")} />
            <div className={cn("mt-2 items-center gap-1 text-xs", active ? "flex font-semibold text-foreground" : "hidden text-muted sm:flex")}>
              {done && !active ? <Check aria-hidden className="size-3 shrink-0 text-success" /> : null}
              <span className="truncate">{PHASE_LABEL[p]}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
