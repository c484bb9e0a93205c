/**
 * Statuses both ways. Debrief has four (open / in progress / done / won't do); each tracker has
 * its own model, and these pure functions are the one place the two meet.
 */
import type { ActionPriority, ActionStatus } from "./provider";

const WONT = /won'?t|not.?planned|declin|cancel|reject|duplicate|obsolete|invalid/i;
const IN_PROGRESS_LABEL = /^(status:\s*)?in[ -]?progress$/i;

/** GitHub: open/closed with a state reason; "in progress" is a label. */
export function githubStatus(issue: { state: string; state_reason?: string | null; labels?: (string | { name?: string | null })[] }): ActionStatus {
  if (issue.state === "closed") return issue.state_reason === "not_planned" || issue.state_reason === "duplicate" ? "WONT_DO" : "DONE";
  const names = (issue.labels ?? []).map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  return names.some((n) => IN_PROGRESS_LABEL.test(n)) ? "IN_PROGRESS" : "OPEN";
}

export const GITHUB_IN_PROGRESS_LABEL = "in progress";

/** What GitHub needs for a Debrief status: state, reason, and whether the in-progress label belongs. */
export function githubState(status: ActionStatus): { state: "open" | "closed"; state_reason?: "completed" | "not_planned" | "reopened"; inProgress: boolean } {
  if (status === "DONE") return { state: "closed", state_reason: "completed", inProgress: false };
  if (status === "WONT_DO") return { state: "closed", state_reason: "not_planned", inProgress: false };
  return { state: "open", inProgress: status === "IN_PROGRESS" };
}

export const GITHUB_PRIORITY_LABEL: Record<ActionPriority, string> = { HIGH: "priority: high", MEDIUM: "priority: medium", LOW: "priority: low" };

/** Jira: the status category (new / indeterminate / done), and the resolution for "won't do". */
export function jiraStatus(fields: { status?: { name?: string; statusCategory?: { key?: string } } | null; resolution?: { name?: string } | null }): ActionStatus {
  const category = fields.status?.statusCategory?.key;
  if (category === "done") return WONT.test(fields.resolution?.name ?? "") || WONT.test(fields.status?.name ?? "") ? "WONT_DO" : "DONE";
  if (category === "indeterminate") return "IN_PROGRESS";
  return "OPEN";
}

/** Picks the Jira transition that reaches a Debrief status, or null when the workflow has none. */
export function jiraTransitionFor<T extends { id?: string; name?: string; to?: { name?: string; statusCategory?: { key?: string } } }>(
  status: ActionStatus,
  transitions: T[],
): T | null {
  const category = { OPEN: "new", IN_PROGRESS: "indeterminate", DONE: "done", WONT_DO: "done" }[status];
  const candidates = transitions.filter((t) => t.to?.statusCategory?.key === category);
  if (status === "WONT_DO") return candidates.find((t) => WONT.test(`${t.name ?? ""} ${t.to?.name ?? ""}`)) ?? candidates[0] ?? null;
  if (status === "DONE") return candidates.find((t) => !WONT.test(`${t.name ?? ""} ${t.to?.name ?? ""}`)) ?? null;
  return candidates[0] ?? null;
}

export const JIRA_PRIORITY: Record<ActionPriority, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

/** Linear: the workflow state's type. */
export function linearStatus(stateType: string | null | undefined): ActionStatus {
  if (stateType === "started") return "IN_PROGRESS";
  if (stateType === "completed") return "DONE";
  if (stateType === "canceled" || stateType === "duplicate") return "WONT_DO";
  return "OPEN";
}

/** The Linear workflow state types that mean a Debrief status, preferred first. */
export function linearStateTypes(status: ActionStatus): string[] {
  return { OPEN: ["unstarted", "backlog", "triage"], IN_PROGRESS: ["started"], DONE: ["completed"], WONT_DO: ["canceled"] }[status];
}

/** Linear priority: 1 urgent, 2 high, 3 medium, 4 low (0 none). */
export const LINEAR_PRIORITY: Record<ActionPriority, number> = { HIGH: 2, MEDIUM: 3, LOW: 4 };
