/**
 * Small, quiet markers for an action's status, priority, due date and tracker state — shared by
 * the review's Actions page, the review overview and team backlogs (server and client alike).
 */
import { AlertTriangle, ArrowDown, ArrowRight, ArrowUp, CheckCircle2, CircleDashed, CircleDot, ExternalLink, XCircle } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { PRIORITY_LABEL, STATUS_LABEL, SYNC_LABEL, type ActionPriorityName, type ActionStatusName, type SyncStateName } from "@/lib/action-items/action-fields";

const STATUS_TONE: Record<ActionStatusName, BadgeTone> = { OPEN: "neutral", IN_PROGRESS: "accent", DONE: "success", WONT_DO: "neutral" };
const STATUS_ICON = { OPEN: CircleDashed, IN_PROGRESS: CircleDot, DONE: CheckCircle2, WONT_DO: XCircle } as const;

export function StatusBadge({ status }: { status: ActionStatusName }) {
  const Icon = STATUS_ICON[status];
  return (
    <Badge tone={STATUS_TONE[status]} className={status === "WONT_DO" ? "text-muted" : undefined}>
      <Icon aria-hidden className="size-3" />
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const PRIORITY_ICON = { HIGH: ArrowUp, MEDIUM: ArrowRight, LOW: ArrowDown } as const;

/** Priority as a word with an arrow (never colour alone). */
export function PriorityLabel({ priority, className }: { priority: ActionPriorityName; className?: string }) {
  const Icon = PRIORITY_ICON[priority];
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs whitespace-nowrap", priority === "HIGH" ? "font-medium text-foreground" : "text-muted", className)}>
      <Icon aria-hidden className={cn("size-3", priority === "HIGH" && "text-warning")} />
      {PRIORITY_LABEL[priority]}
      <span className="sr-only"> priority</span>
    </span>
  );
}

const dueFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Due 1 Dec 2026", or "Overdue · due 10 Nov 2026" in the danger colour. Due dates are calendar days. */
export function DueDate({ date, overdue, className }: { date: string | null; overdue: boolean; className?: string }) {
  if (!date) return <span className={cn("text-xs text-muted", className)}>No due date</span>;
  const text = dueFormat.format(new Date(`${date}T00:00:00Z`));
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs whitespace-nowrap", overdue ? "font-medium text-danger" : "text-muted", className)}>
      {overdue ? <AlertTriangle aria-hidden className="size-3" /> : null}
      <time dateTime={date}>{overdue ? `Overdue · due ${text}` : `Due ${text}`}</time>
    </span>
  );
}

const SYNC_TONE: Record<SyncStateName, BadgeTone> = { LOCAL: "neutral", PENDING: "warning", SYNCED: "success", FAILED: "danger" };

export type SyncInfo = { state: SyncStateName; externalKey: string | null; externalUrl: string | null; error: string | null };

/** Where the action stands with the team's tracker, with the key as a link once it is there. */
export function SyncState({ sync, compact }: { sync: SyncInfo; compact?: boolean }) {
  const link =
    sync.externalUrl && /^https?:\/\//i.test(sync.externalUrl) ? (
      <a href={sync.externalUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline">
        {sync.externalKey ?? "Open in tracker"}
        <ExternalLink aria-hidden className="size-3" />
        <span className="sr-only"> (opens the tracker in a new tab)</span>
      </a>
    ) : sync.externalKey ? (
      <span className="text-xs font-medium">{sync.externalKey}</span>
    ) : null;
  if (compact && sync.state === "LOCAL" && !link) return <span className="text-xs text-muted">{SYNC_LABEL.LOCAL}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {sync.state === "SYNCED" && link && compact ? null : <Badge tone={SYNC_TONE[sync.state]}>{SYNC_LABEL[sync.state]}</Badge>}
      {link}
    </span>
  );
}
