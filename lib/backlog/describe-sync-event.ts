/**
 * One line of an action's sync history, in words: what went to the tracker or came back from it.
 * Pure: the detail is whatever lib/backlog recorded with the event (lib/backlog/sync-events.ts).
 */
import { STATUS_LABEL, type ActionStatusName } from "../action-items/action-fields";

const TRACKER: Record<string, string> = { GITHUB: "GitHub", JIRA: "Jira", LINEAR: "Linear", WEBHOOK: "the webhook" };

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const status = (v: unknown): string => (typeof v === "string" && v in STATUS_LABEL ? STATUS_LABEL[v as ActionStatusName] : (text(v) ?? "unknown"));
const day = (v: unknown): string => text(v) ?? "none";

export function describeSyncEvent(kind: string, detail: Record<string, unknown>): string {
  const tracker = TRACKER[(text(detail.provider) ?? "").toUpperCase()] ?? "the tracker";
  const key = text(detail.key);
  switch (kind) {
    case "queued":
      return detail.retry === true ? "Retry requested" : "Queued to send to the tracker";
    case "created":
      return key ? `Created ${key} in ${tracker}` : `Sent to ${tracker}`;
    case "found-existing":
      return `Found ${key ?? "its issue"} already in ${tracker} (an earlier attempt had created it) — not created twice`;
    case "updated":
      return `Sent the latest title, priority, due date and status to ${key ?? tracker}`;
    case "retrying":
      return `Attempt ${typeof detail.attempt === "number" ? detail.attempt : "?"} did not go through; trying again${text(detail.message) ? `: ${text(detail.message)}` : ""}`;
    case "failed":
      return `Failed${typeof detail.status === "number" ? ` (HTTP ${detail.status})` : ""}: ${text(detail.message) ?? "no reason given"}`;
    case "status-changed":
      return `Status changed in the tracker: ${status(detail.from)} → ${status(detail.to)}`;
    case "assignee-changed":
      if (detail.matched === true) return `Assigned in the tracker to ${text(detail.name) ?? "someone in Debrief"}`;
      if (detail.matched === false) return `Assigned in the tracker to ${text(detail.external) ?? "someone"}, who has no Debrief account with that e-mail`;
      return "Unassigned in the tracker";
    case "due-date-changed":
      return `Due date changed in the tracker: ${day(detail.from)} → ${day(detail.to)}`;
    case "reconciled":
      return Array.isArray(detail.changed) && detail.changed.length ? `Reconciled with the tracker (a missed change: ${detail.changed.map(String).join(", ")})` : "Reconciled with the tracker";
    case "missing":
      return `${key ?? "The issue"} is no longer in the tracker (deleted or moved)`;
    default:
      return kind;
  }
}
