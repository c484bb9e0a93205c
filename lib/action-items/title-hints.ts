/**
 * Hints on an action's title — vague wording (make it concrete and checkable) and blaming
 * language. Pure, so the form shows while typing exactly what the saved action will show.
 */
import { findHints } from "../editor/blameless-hints";
import { vagueTitleHints } from "./vague-title";

export type ActionTitleHint = { kind: "vague" | "wording"; ruleId: string; phrase: string; explanation: string; suggestion: string };

export function titleHints(title: string): ActionTitleHint[] {
  return [
    ...vagueTitleHints(title).map((h) => ({ kind: "vague" as const, ...h })),
    ...findHints(title).map((h) => ({ kind: "wording" as const, ruleId: h.ruleId, phrase: h.phrase, explanation: h.explanation, suggestion: h.suggestion })),
  ];
}
