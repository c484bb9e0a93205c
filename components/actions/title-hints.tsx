"use client";

import { Lightbulb } from "lucide-react";

export type TitleHint = { kind?: "vague" | "wording"; ruleId: string; phrase: string; explanation: string; suggestion: string };

/**
 * Hints on an action's title, quietly: vague wording first ("make it concrete and checkable"),
 * then blaming language. One line names the phrases; the advice is a click away. Never blocking.
 */
export function TitleHints({ hints, live, id }: { hints: TitleHint[]; live?: boolean; id?: string }) {
  if (!hints.length) {
    return live ? <div id={id} aria-live="polite" className="sr-only" /> : null;
  }
  const vague = hints.some((h) => h.kind !== "wording");
  const phrases = [...new Set(hints.map((h) => h.phrase))];
  const unique = hints.filter((h, i) => hints.findIndex((o) => o.ruleId === h.ruleId) === i);
  return (
    <details id={id} className="group rounded-md text-xs text-muted" {...(live ? { "aria-live": "polite" as const } : {})}>
      <summary className="flex cursor-pointer list-none items-start gap-1.5 rounded-sm hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
        <Lightbulb aria-hidden className="mt-px size-3.5 shrink-0 text-warning" />
        <span>
          {vague ? "Make it concrete and checkable: " : "Worth a second look: "}
          {phrases.map((p, i) => (
            <span key={p}>
              {i ? ", " : ""}
              <span className="font-medium text-foreground/80">“{p}”</span>
            </span>
          ))}
          <span className="ml-1 underline decoration-dotted underline-offset-2 group-open:hidden">Why?</span>
        </span>
      </summary>
      <ul className="mt-1.5 space-y-1.5 border-l-2 border-warning/40 pl-3">
        {unique.slice(0, 5).map((h) => (
          <li key={h.ruleId}>
            <span className="text-foreground/80">{h.explanation}</span> {h.suggestion}
          </li>
        ))}
      </ul>
    </details>
  );
}
