"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import type { CSSProperties, Ref } from "react";
import { PriorityLabel, StatusBadge } from "@/components/actions/action-badges";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ACTION_PRIORITIES, ACTION_STATUSES, PRIORITY_LABEL, STATUS_LABEL, SYNC_LABEL, type ActionPriorityName, type ActionStatusName, type SyncStateName } from "@/lib/action-items/action-fields";
import { BacklogIcon } from "./backlog-icons";
import type { BacklogRowItem } from "./row-item";

export type { BacklogRowItem };
export type KeyboardMove = "top" | "up" | "down" | "bottom";

const MOVES: { move: KeyboardMove; label: string }[] = [
  { move: "top", label: "Move to the top" },
  { move: "up", label: "Move up" },
  { move: "down", label: "Move down" },
  { move: "bottom", label: "Move to the bottom" },
];

/** A compact menu for a row (the form controls' look, with less markup: fifty rows have two each). */
const ROW_SELECT = "h-7 rounded-md border border-border bg-surface py-0 pr-7 pl-2 text-xs focus-visible:outline-2 focus-visible:outline-ring";

/** The move buttons' look, set once on their group (`*:` styles its children) rather than on each of fifty rows' four buttons. */
const MOVE_GROUP =
  "-mr-1 grid shrink-0 grid-cols-2 gap-0.5 sm:flex *:rounded *:p-1 *:text-muted *:hover:bg-surface-muted *:hover:text-foreground *:focus-visible:outline-2 *:focus-visible:outline-ring *:aria-disabled:cursor-not-allowed *:aria-disabled:opacity-30";

const dueFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** The due date as components/actions/action-badges.tsx's DueDate shows it, its icon from the page's sprite. */
function RowDueDate({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date) return <span className="text-xs text-muted">No due date</span>;
  const text = dueFormat.format(new Date(`${date}T00:00:00Z`));
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs whitespace-nowrap", overdue ? "font-medium text-danger" : "text-muted")}>
      {overdue ? <BacklogIcon name="alert" className="size-3" /> : null}
      <time dateTime={date}>{overdue ? `Overdue · due ${text}` : `Due ${text}`}</time>
    </span>
  );
}

const SYNC_TONE: Record<SyncStateName, BadgeTone> = { LOCAL: "neutral", PENDING: "warning", SYNCED: "success", FAILED: "danger" };

/** The tracker state as action-badges' compact SyncState shows it, its icon from the page's sprite. */
function RowSyncState({ sync }: { sync: BacklogRowItem["sync"] }) {
  const link =
    sync.externalUrl && /^https?:\/\//i.test(sync.externalUrl) ? (
      <a href={sync.externalUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline">
        {sync.externalKey ?? "Open in tracker"}
        <BacklogIcon name="external" className="size-3" />
        <span className="sr-only"> (opens the tracker in a new tab)</span>
      </a>
    ) : sync.externalKey ? (
      <span className="text-xs font-medium">{sync.externalKey}</span>
    ) : null;
  if (sync.state === "LOCAL" && !link) return <span className="text-xs text-muted">{SYNC_LABEL.LOCAL}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {sync.state === "SYNCED" && link ? null : <Badge tone={SYNC_TONE[sync.state]}>{SYNC_LABEL[sync.state]}</Badge>}
      {link}
    </span>
  );
}

/**
 * One action in a team's backlog: a drag handle and move buttons for those who rank, the title
 * (linking to its review's Actions page when the reader may open the review), where it came from,
 * who has it, priority, due date, status and tracker state. Priority and status are menus for
 * those who may change them.
 */
type RowProps = {
  item: BacklogRowItem;
  canRank: boolean;
  /** First / last of the whole backlog (so there is nowhere further to go). */
  first: boolean;
  last: boolean;
  reducedMotion: boolean;
  onMove: (move: KeyboardMove) => void;
  onChange: (body: { priority?: ActionPriorityName; status?: ActionStatusName }) => void;
  moveButtonRef: (move: KeyboardMove) => Ref<HTMLButtonElement>;
};

type Dnd = {
  setNodeRef: (el: HTMLElement | null) => void;
  setActivatorNodeRef: (el: HTMLElement | null) => void;
  style: CSSProperties;
  isDragging: boolean;
  handle: Record<string, unknown>;
};

/** A row that can be dragged (inside the board's DndContext, once the page is interactive). */
export function BacklogRow(props: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: props.item.id, disabled: !props.canRank, transition: props.reducedMotion ? null : undefined });
  const style = { transform: CSS.Translate.toString(transform), transition: props.reducedMotion ? undefined : transition };
  return <RowView {...props} dnd={{ setNodeRef, setActivatorNodeRef, style, isDragging, handle: { ...attributes, ...listeners } }} />;
}

/**
 * The same row without drag and drop: what the server renders and the page hydrates (fifty
 * sortables cost the server a third of the board's rendering and do nothing before hydration),
 * and all a reader who does not rank ever gets.
 */
export function StaticBacklogRow(props: RowProps) {
  return <RowView {...props} />;
}

function RowView({ item, canRank, first, last, onMove, onChange, moveButtonRef, dnd }: RowProps & { dnd?: Dnd }) {
  const headingId = `backlog-${item.id}`;
  const title = item.title;
  return (
    <li ref={dnd?.setNodeRef} style={dnd?.style} aria-labelledby={headingId} data-action-id={item.id} className={cn("relative bg-surface", dnd?.isDragging && "z-10 shadow-lg ring-2 ring-accent/40")}>
      <div className="flex items-start gap-2 px-3 py-3 sm:gap-3 sm:px-4">
        {canRank ? (
          <button
            type="button"
            ref={dnd?.setActivatorNodeRef}
            {...dnd?.handle}
            aria-label={`Drag to rank “${title}”`}
            className="mt-0.5 -ml-1 shrink-0 cursor-grab touch-none rounded p-1 text-muted hover:bg-surface-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing"
          >
            <BacklogIcon name="grip" />
          </button>
        ) : null}
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1.5">
            <h3 id={headingId} className={cn("min-w-0 flex-1 basis-56 text-sm leading-snug font-medium break-words", (item.status === "DONE" || item.status === "WONT_DO") && "text-muted")}>
              {item.review.visible ? (
                <Link href={`/reviews/${item.review.id}/actions#action-${item.id}`} className="hover:underline">
                  {title}
                </Link>
              ) : (
                title
              )}
            </h3>
            <div className="flex shrink-0 flex-wrap items-center gap-2">
              {item.can.prioritise ? (
                <select aria-label="Priority" aria-describedby={headingId} value={item.priority} className={cn(ROW_SELECT, "sm:w-[9.5rem]")} onChange={(e) => onChange({ priority: e.target.value as ActionPriorityName })}>
                  {ACTION_PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {PRIORITY_LABEL[p]} priority
                    </option>
                  ))}
                </select>
              ) : (
                <PriorityLabel priority={item.priority} />
              )}
              {item.can.updateProgress ? (
                <select aria-label="Status" aria-describedby={headingId} value={item.status} className={cn(ROW_SELECT, "sm:w-[8rem]")} onChange={(e) => onChange({ status: e.target.value as ActionStatusName })}>
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </option>
                  ))}
                </select>
              ) : (
                <StatusBadge status={item.status} />
              )}
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
            <span className="min-w-0 break-words">
              From{" "}
              {item.review.visible ? (
                <Link href={`/reviews/${item.review.id}`} className="text-foreground/80 hover:underline">
                  {item.review.title}
                </Link>
              ) : (
                <span className="text-foreground/80">{item.review.title}</span>
              )}
            </span>
            <span>{item.assignee ?? "Unassigned"}</span>
            <RowDueDate date={item.dueDate} overdue={item.overdue} />
            {item.agreed ? null : <span className="rounded-full border border-border px-1.5">Proposed</span>}
            {item.categories ? <span className="hidden md:inline">{item.categories}</span> : null}
            <RowSyncState sync={item.sync} />
          </div>
        </div>
        {canRank ? (
          <div role="group" aria-label="Move" className={MOVE_GROUP}>
            {MOVES.map(({ move, label }) => {
              const blocked = (first && (move === "top" || move === "up")) || (last && (move === "down" || move === "bottom"));
              return (
                <button
                  key={move}
                  type="button"
                  ref={moveButtonRef(move)}
                  aria-label={label}
                  aria-describedby={headingId}
                  title={label}
                  aria-disabled={blocked || undefined}
                  onClick={() => (blocked ? undefined : onMove(move))}
                >
                  <BacklogIcon name={move} />
                </button>
              );
            })}
          </div>
        ) : null}
      </div>
    </li>
  );
}
