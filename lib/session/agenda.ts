/**
 * The session's agenda, built from the method's steps of a group investigation, with one item per
 * divergence between the accounts under "Explore where perspectives differ". Pure. The current
 * step (Review.sessionStep) is the id of a step or of a divergence item.
 */
import type { Divergence, DivergenceKind } from "../timeline/merge-timeline";

export const AGENDA_STEPS = [
  {
    id: "accounts",
    title: "Review each person's analysis",
    description: "Read the accounts side by side; each responder talks through what they saw, did and thought.",
  },
  {
    id: "shared-understanding",
    title: "Build a shared understanding",
    description: "Put the incident in its organisational context and build the shared timeline together: promote, merge, add, mark key moments.",
  },
  {
    id: "divergences",
    title: "Explore where perspectives differ",
    description: "Where accounts describe a moment differently, one person saw what others did not, or nobody recorded anything: talk it through.",
  },
  {
    id: "contributing-factors",
    title: "Discuss contributing factors, knowledge gaps and operational surprises",
    description: "Human and technical contributing factors, what people needed to know, what surprised them — and what went well. Usually many factors, never just one.",
  },
  {
    id: "learnings",
    title: "Pick the most valuable learnings",
    description: "Agree which findings matter most for the teams and the organisation.",
  },
  {
    id: "narrative",
    title: "Blend it all into one narrative",
    description: "Write the review's story together in the shared narrative.",
  },
] as const;

export type AgendaStepId = (typeof AGENDA_STEPS)[number]["id"];

export type AgendaItem = { id: string; title: string; divergenceKind: DivergenceKind; entryIds: string[] };
export type AgendaStep = { id: AgendaStepId; title: string; description: string; items: AgendaItem[] };

export const divergenceItemId = (divergenceId: string) => `divergence:${divergenceId}`;

/** The agenda: the method's steps, and the divergences (as the viewer may see them) under theirs. */
export function buildAgenda(divergences: Divergence[]): AgendaStep[] {
  return AGENDA_STEPS.map((step) => ({
    ...step,
    items:
      step.id === "divergences"
        ? divergences.map((d) => ({ id: divergenceItemId(d.id), title: d.summary, divergenceKind: d.kind, entryIds: d.entryIds }))
        : [],
  }));
}

/** Whether `id` names a step or an item of `agenda`. */
export function isAgendaId(agenda: AgendaStep[], id: string): boolean {
  return agenda.some((s) => s.id === id || s.items.some((i) => i.id === id));
}
