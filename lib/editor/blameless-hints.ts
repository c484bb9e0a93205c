/**
 * Blameless language hints: phrases that assign blame or reason counterfactually ("should have",
 * "human error"…), each with a short explanation and a reframing question. Pure and
 * dependency-free, so the editor (browser), the server and tests share it. Hints never block
 * anything: they invite a second look.
 */

export type HintRule = {
  id: string;
  /** Matches the phrase; must use the `g` and `i` flags. */
  pattern: RegExp;
  explanation: string;
  suggestion: string;
  /** Return false to skip a match (e.g. "failed to start" is a fact about a system). */
  accept?: (match: RegExpExecArray, text: string) => boolean;
};

export type Hint = { ruleId: string; from: number; to: number; phrase: string; explanation: string; suggestion: string };

// Verbs after "failed to" that describe systems, not people: "the pod failed to start".
const SYSTEM_VERBS = new Set(
  "start starting boot load connect resolve respond parse compile build deploy launch bind open read write allocate acquire authenticate renew rotate sync replicate schedule mount pull push restart reconnect converge elect drain scale serve process complete finish execute run return apply propagate register initialise initialize validate report detect fire trigger handle recover notify emit expire match".split(
    " ",
  ),
);

// Verbs after "just" that make something sound trivial: "just restart it".
const TRIVIALISED_VERBS =
  "restart|reboot|check|run|look|read|ask|roll|revert|fix|click|deploy|use|follow|do|add|remove|turn|switch|wait|call|update|retry|scale|flip|delete|rerun|test|google|search|open|see|notice|type|page|tell|stop|kill|undo|reset|patch|bump|edit|change|set";

const next = (m: RegExpExecArray, text: string) => /^\s+([a-z]+)/i.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();

export const HINT_RULES: HintRule[] = [
  {
    id: "counterfactual",
    // "could not have known" is a fair statement, so only the positive "could have" counts.
    pattern: /\b(?:(?:should|ought\s+to)(?:\s+not|n['’]t)?|could)(?:\s+(?:easily|simply|really|just))?\s+have\b|\b(?:should|could)['’]ve\b/gi,
    explanation: "Counterfactuals describe what did not happen, and hindsight makes it look obvious.",
    suggestion: "Describe what happened instead: what made this hard to see at the time?",
  },
  {
    id: "failed-to",
    pattern: /\bfail(?:ed|s)?\s+to\b/gi,
    accept: (m, text) => !SYSTEM_VERBS.has(next(m, text) ?? ""),
    explanation: "“Failed to” judges a person against an outcome they could not know.",
    suggestion: "What did they do, and why did it make sense to them at that moment?",
  },
  {
    id: "human-error",
    pattern: /\b(?:human|operator|user|pilot)\s+error\b/gi,
    explanation: "“Human error” ends the inquiry where it should start.",
    suggestion: "What in the system, tools or situation made this action likely?",
  },
  {
    id: "character",
    pattern: /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|lazy|incompetent|reckless(?:ly)?|irresponsibl[ey])\b/gi,
    explanation: "Judging people's character tells us nothing about how to make the work safer.",
    suggestion: "Describe the conditions people were working in: time pressure, information, tools.",
  },
  {
    id: "didnt-bother",
    pattern: /\b(?:didn['’]t|did\s+not|never)\s+bother(?:ed)?\b/gi,
    explanation: "This assumes intent we cannot see from the outside.",
    suggestion: "What was competing for their attention at the time?",
  },
  {
    id: "obviously",
    pattern: /\b(?:obviously|it\s+was\s+obvious|blindingly\s+clear)\b/gi,
    explanation: "What is obvious in hindsight was rarely obvious during the incident.",
    suggestion: "What signals were there at the time, and what made them easy to miss?",
  },
  {
    id: "just",
    pattern: new RegExp(`\\bjust\\s+(?:${TRIVIALISED_VERBS})(?:s|ed|ing)?\\b`, "gi"),
    explanation: "“Just” makes work sound trivial and implies anyone would have done it.",
    suggestion: "What would someone need to know or have to do this?",
  },
  {
    id: "why-didnt",
    pattern: /\bwhy\s+(?:didn['’]t|did\s+(?:\w+\s+)?not|wasn['’]t|weren['’]t|hadn['’]t|did\s+no\s*one)\b/gi,
    explanation: "“Why didn't…” asks people to defend themselves.",
    suggestion: "Ask “how did it look at the time?” or “what made that the reasonable choice?”",
  },
  {
    id: "blame",
    pattern: /\b(?:(?:my|his|her|their|your|our|whose)\s+fault|to\s+blame|(?:is|was|are|were)\s+responsible\s+for\s+the\s+(?:outage|incident))\b/gi,
    explanation: "Assigning fault makes people guarded and hides what we could learn.",
    suggestion: "Name the contributing factors instead of the person.",
  },
];

/** Every hint in `text`, in order of position; overlapping matches keep the earliest. */
export function findHints(text: string, rules: HintRule[] = HINT_RULES): Hint[] {
  const hints: Hint[] = [];
  for (const rule of rules) {
    const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes("g") ? rule.pattern.flags : rule.pattern.flags + "g");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (rule.accept && !rule.accept(m, text)) continue;
      hints.push({ ruleId: rule.id, from: m.index, to: m.index + m[0].length, phrase: m[0], explanation: rule.explanation, suggestion: rule.suggestion });
    }
  }
  hints.sort((a, b) => a.from - b.from || b.to - a.to);
  return hints.filter((h, i) => i === 0 || h.from >= hints[i - 1]!.to);
}
