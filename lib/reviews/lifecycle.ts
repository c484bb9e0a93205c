/**
 * The review lifecycle: PREPARING → INDEPENDENT → GROUP → ACTION_PLANNING → PUBLISHED, one step
 * at a time, forward only. Pure: no I/O, so it is shared by use cases, pages and tests.
 */
import type { ParticipantRole, ReviewPhase } from "../policies/types";

export const PHASES = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"] as const satisfies readonly ReviewPhase[];

export const PHASE_LABEL: Record<ReviewPhase, string> = {
  PREPARING: "Preparing",
  INDEPENDENT: "Independent accounts",
  GROUP: "Group session",
  ACTION_PLANNING: "Action planning",
  PUBLISHED: "Published",
};

/** What the button that moves *into* a phase says, and what the confirmation explains. */
export const PHASE_MOVE: Record<Exclude<ReviewPhase, "PREPARING">, { action: string; explain: string }> = {
  INDEPENDENT: {
    action: "Start independent accounts",
    explain:
      "Each responder will be asked to write their own account privately. Nobody — including you — reads an account before the reveal.",
  },
  GROUP: {
    action: "Reveal accounts",
    explain:
      "All accounts become visible to every participant and read-only. The reveal cannot be undone.",
  },
  ACTION_PLANNING: {
    action: "Move to action planning",
    explain: "The group session ends; the group agrees improvement actions for the owning teams' backlogs.",
  },
  PUBLISHED: {
    action: "Publish review",
    explain: "The review becomes read-only (except action status) and visible to its audience.",
  },
};

export function phaseIndex(phase: ReviewPhase): number {
  return PHASES.indexOf(phase);
}

/** The phase after `phase`, or null when the review is published. */
export function nextPhase(phase: ReviewPhase): ReviewPhase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether a review in `from` may move to `to`, given what it holds. Facts a later phase needs
 * are checked here, so the API, the UI and the tests share one answer.
 */
export function checkTransition(
  from: ReviewPhase,
  to: ReviewPhase,
  facts: { responderCount: number; hasFacilitator: boolean },
): TransitionCheck {
  if (from === "PUBLISHED") return { ok: false, reason: "This review is published; its phase can no longer change." };
  const expected = nextPhase(from)!;
  if (to === from) return { ok: false, reason: `The review is already in ${PHASE_LABEL[from]}.` };
  if (phaseIndex(to) < phaseIndex(from))
    return { ok: false, reason: `A review cannot move back from ${PHASE_LABEL[from]} to ${PHASE_LABEL[to]}.` };
  if (to !== expected)
    return {
      ok: false,
      reason: `Phases move one step at a time: from ${PHASE_LABEL[from]} the next phase is ${PHASE_LABEL[expected]}.`,
    };
  if (!facts.hasFacilitator) return { ok: false, reason: "The review needs a facilitator first." };
  if (to === "INDEPENDENT" && facts.responderCount === 0)
    return { ok: false, reason: "Invite at least one responder before starting independent accounts." };
  return { ok: true };
}

export type NextStep = { title: string; detail: string };

/** What this person should do next in this phase: the overview's main message. */
export function nextStepFor(phase: ReviewPhase, role: ParticipantRole | null, isAdmin: boolean): NextStep {
  const runs = role === "FACILITATOR" || (isAdmin && role === null);
  switch (phase) {
    case "PREPARING":
      return runs
        ? { title: "Invite the responders", detail: "Add everyone who took part in the response, then start independent accounts." }
        : { title: "Nothing to do yet", detail: "The facilitator is preparing this review. You will be told when it is time to write your account." };
    case "INDEPENDENT":
      if (role === "RESPONDER")
        return { title: "Write your account", detail: "Describe the incident as you experienced it. Nobody sees your account until the facilitator reveals all accounts together." };
      return runs
        ? { title: "Wait for the accounts", detail: "Responders are writing their accounts privately. Follow their progress on the status board — never their content — and reveal the accounts when they are ready." }
        : { title: "Responders are writing", detail: "Accounts stay private until the facilitator reveals them." };
    case "GROUP":
      return runs
        ? { title: "Run the group session", detail: "Compare the accounts, build the timeline and narrative together, and name the findings. Then move to action planning." }
        : { title: "Join the group session", detail: "Read the accounts side by side and build one shared understanding of the incident." };
    case "ACTION_PLANNING":
      return runs
        ? { title: "Agree improvement actions", detail: "Turn the findings into concrete actions owned by teams, then publish the review." }
        : { title: "Help agree actions", detail: "The group is turning findings into improvement actions for the owning teams' backlogs." };
    case "PUBLISHED":
      return { title: "Read the review", detail: "The review is published. Share what was learned with other teams." };
  }
}
