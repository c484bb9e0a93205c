"use client";

import { Lightbulb } from "lucide-react";
import { findHints } from "@/lib/editor/blameless-hints";

/** The editor's blameless-language hints as a readable list (keyboard and screen-reader friendly). */
export function HintList({ text }: { text: string }) {
  const hints = findHints(text);
  if (!hints.length) return null;
  return (
    <section aria-label="Wording hints" className="rounded-lg border border-warning/40 bg-warning-soft/40 p-4 text-sm">
      <h3 className="flex items-center gap-2 font-medium">
        <Lightbulb aria-hidden className="size-4 text-warning" /> {hints.length === 1 ? "One phrase" : `${hints.length} phrases`} worth a second look
      </h3>
      <p className="mt-1 text-xs text-muted">Hints never block saving. They help keep the account about what happened, not who is to blame.</p>
      <ul className="mt-3 space-y-2">
        {hints.slice(0, 8).map((h) => (
          <li key={`${h.from}-${h.ruleId}`}>
            <span className="font-medium">“{h.phrase}”</span> — {h.explanation} <span className="text-muted">{h.suggestion}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
