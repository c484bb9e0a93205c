"use client";

import { Lightbulb } from "lucide-react";

export type WordingHint = { ruleId: string; phrase: string; explanation: string; suggestion: string };

/**
 * Blameless-language hints, quietly: one line naming the phrases, the explanation a click away.
 * They never block anything — they invite a second look at the wording.
 */
export function FindingHints({ hints, live }: { hints: WordingHint[]; live?: boolean }) {
  if (!hints.length) return null;
  const phrases = [...new Set(hints.map((h) => h.phrase.toLowerCase()))];
  const unique = hints.filter((h, i) => hints.findIndex((o) => o.ruleId === h.ruleId && o.phrase.toLowerCase() === h.phrase.toLowerCase()) === i);
  return (
    <details className="group rounded-md text-xs text-muted" {...(live ? { "aria-live": "polite" as const } : {})}>
      <summary className="flex cursor-pointer list-none items-start gap-1.5 rounded-sm hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
        <Lightbulb aria-hidden className="mt-px size-3.5 shrink-0 text-warning" />
        <span>
          Worth a second look: {phrases.map((p, i) => (
            <span key={p}>
              {i ? ", " : ""}
              <span className="font-medium text-foreground/80">“{p}”</span>
            </span>
          ))}
        </span>
      </summary>
      <ul className="mt-1.5 space-y-1.5 border-l-2 border-warning/40 pl-3">
        {unique.slice(0, 6).map((h) => (
          <li key={`${h.ruleId}-${h.phrase}`}>
            <span className="text-foreground/80">{h.explanation}</span> {h.suggestion}
          </li>
        ))}
      </ul>
    </details>
  );
}
