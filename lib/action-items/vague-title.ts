/**
 * Hints for vague action titles. Actions die of vague wording: "improve monitoring" has no finish
 * line, "be more careful" asks people to try harder instead of changing the conditions they work
 * in, "look into it" describes activity rather than an outcome. Each rule names the phrase and
 * suggests how to make the action concrete and checkable. Pure and dependency-free (the form in
 * the browser, the server and tests share it). Hints never block saving.
 */

export type VagueTitleHint = { ruleId: string; phrase: string; explanation: string; suggestion: string };

type Rule = {
  id: string;
  patterns: RegExp[];
  explanation: string;
  suggestion: string;
  /** When true, a checkable detail in the title (a number, a threshold, "so that…") answers the hint. */
  detailAnswers?: boolean;
};

const AREAS =
  "monitoring|alerting|alerts|observability|testing|tests|test coverage|coverage|documentation|docs|runbooks?|process(?:es)?|communication|coordination|collaboration|visibility|resilience|reliability|logging|logs|training|tooling|handovers?|onboarding|awareness|quality|security|performance|stability|dashboards?|on-?call";

const RULES: Rule[] = [
  {
    id: "try-harder",
    patterns: [
      /\bbe\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|cautious|attentive|mindful|aware)\b/gi,
      /\bpay\s+(?:more\s+|closer\s+)?attention\b/gi,
      /\b(?:raise|increase|create)\s+awareness\b/gi,
      /\bremind\s+(?:people|everyone|engineers|the\s+team|developers|staff)\b/gi,
      /\b(?:don['’]?t|do\s+not|never)\s+(?:forget|repeat|make\s+the\s+same)\b/gi,
      /\btry\s+harder\b/gi,
    ],
    explanation: "Asking people to be more careful does not change the conditions they worked in.",
    suggestion: "Change something in the system instead: a check, a safer default, a tool, a runbook step.",
  },
  {
    id: "communicate-better",
    patterns: [
      /\b(?:communicate|coordinate|collaborate|talk|share)\s+(?:better|more)\b/gi,
      /\b(?:better|more|clearer|improved?)\s+(?:communication|coordination|collaboration)\b/gi,
    ],
    explanation: "“Communicate better” has no finish line.",
    suggestion: "Say who tells whom what, where and when, e.g. “Post a status update in #incidents every 30 minutes during SEV1s”.",
    detailAnswers: true,
  },
  {
    id: "vague-improvement",
    patterns: [
      new RegExp(`\\b(?:improve|enhance|strengthen|optimi[sz]e|increase|expand|better|more|review|revisit|update)\\s+(?:the\\s+|our\\s+|all\\s+|some\\s+)?(?:${AREAS})\\b`, "gi"),
      new RegExp(`\\b(?:${AREAS})\\s+improvements?\\b`, "gi"),
    ],
    explanation: "“Improve …” says where to work, not what will be different afterwards.",
    suggestion: "Name the change and how anyone will know it is done: which alert, which threshold, which page of which runbook.",
    detailAnswers: true,
  },
  {
    id: "look-into",
    patterns: [
      /\blook(?:ing)?\s+into\b/gi,
      /\binvestigat(?:e|ion)\s+(?:further|more|deeper)\b/gi,
      /\binvestigate\s+(?:the\s+|this\s+|that\s+)?(?:issue|problem|incident|it|this|what\s+happened|options)\b/gi,
      /\b(?:dig|look)\s+(?:deeper|further)\b/gi,
      /\bfollow[-\s]?up\s+on\b/gi,
    ],
    explanation: "“Look into” describes activity, not an outcome.",
    suggestion: "Say what you want to find out or decide, and the change you expect to make — or make it two actions.",
  },
  {
    id: "generic-fix",
    patterns: [
      /\bfix(?:ing)?\s+(?:the\s+|this\s+|that\s+|all\s+)?(?:issue|issues|problem|problems|bug|bugs|incident|it|this|things|everything)\b/gi,
      /\bprevent\s+(?:this|it|that|recurrence|(?:a\s+)?repeat|future\s+(?:incidents|outages)|similar\s+(?:incidents|issues|problems))\b/gi,
      /\b(?:make\s+sure|ensure)\s+(?:this|it|that)\s+(?:does\s*n[o']t|doesn['’]t|never|won['’]t|will\s+not)\s+happen\b/gi,
      /\b(?:don['’]?t|do\s+not)\s+let\s+(?:this|it)\s+happen\b/gi,
      /\bavoid\s+(?:this|it|that|recurrence|similar\s+(?:incidents|issues|problems))\b/gi,
    ],
    explanation: "“Fix the issue” does not say which condition will be different.",
    suggestion: "Name the contributing factor this action addresses and the change that removes or weakens it.",
  },
  {
    id: "root-cause",
    patterns: [/\broot[-\s]causes?\b/gi],
    explanation: "Incidents have many contributing factors; looking for a single one hides the others.",
    suggestion: "Name the contributing factor this action addresses.",
  },
  {
    id: "placeholder",
    patterns: [/(?:^|\s)(?:tbd|tbc|todo|to\s+do|\?\?+|etc\.?|and\s+so\s+on|various\s+things|stuff)(?=$|[\s.,;:!?])/gi],
    explanation: "A placeholder is not an action yet.",
    suggestion: "Write what will be done, by whom, and how anyone will know it is done.",
  },
];

/** A number, a threshold or a stated purpose: what makes "improve monitoring …" checkable. */
const DETAIL = /\d|\b(?:so\s+that|when(?:ever)?|above|below|exceeds?|within|every|at\s+(?:least|most)|instead\s+of|from\s+\S+.*\bto\b|by\s+(?:adding|paging|alerting|running|moving|removing))\b/i;

const words = (title: string) => title.match(/[\p{L}\p{N}][\p{L}\p{N}'’_./-]*/gu) ?? [];

/** The vague-wording hints of an action title; none when it is concrete (or empty: the form asks for a title). */
export function vagueTitleHints(title: string): VagueTitleHint[] {
  const text = title.trim();
  if (!text) return [];
  const hints: VagueTitleHint[] = [];
  const detailed = DETAIL.test(text) && words(text).length >= 5;
  for (const rule of RULES) {
    if (rule.detailAnswers && detailed) continue;
    for (const pattern of rule.patterns) {
      pattern.lastIndex = 0;
      const match = pattern.exec(text);
      if (!match) continue;
      hints.push({ ruleId: rule.id, phrase: match[0].trim(), explanation: rule.explanation, suggestion: rule.suggestion });
      break;
    }
  }
  // The specific hints say more than "too short"; it is for titles no rule explains.
  if (!hints.length && words(text).length <= 2) {
    hints.push({
      ruleId: "too-short",
      phrase: text,
      explanation: "A title of one or two words rarely says what will change.",
      suggestion: "Say what will be done and how anyone will know it is done, e.g. “Alert when consumer lag exceeds 100k messages for 5 minutes”.",
    });
  }
  return hints;
}

/** True when the title gets any hint. */
export function isVagueTitle(title: string): boolean {
  return vagueTitleHints(title).length > 0;
}
