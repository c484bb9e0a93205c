"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Plus, X } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FINDING_CATEGORY_LABEL, type FindingCategoryName } from "@/lib/findings/categories";
import type { FindingsBoard as FindingsBoardData } from "@/lib/findings/list-findings";
import type { SharedEntryView } from "@/lib/timeline/shared-entries";
import { FindingCard } from "./findings-card";
import { FindingForm, type WireEntry, type WireFinding } from "./findings-form";
import type { Wire } from "./findings-support";

/** A quiet marker per category, so columns are told apart at a glance (never a severity colour). */
const DOT: Record<FindingCategoryName, string> = {
  CONTRIBUTING_TECHNICAL: "bg-accent",
  CONTRIBUTING_HUMAN: "bg-accent/50",
  KNOWLEDGE_GAP: "bg-warning",
  OPERATIONAL_SURPRISE: "bg-warning/50",
  WENT_WELL: "bg-success",
};

/** What an empty column invites. */
const EMPTY: Record<FindingCategoryName, string> = {
  CONTRIBUTING_TECHNICAL: "No technical contributing factors yet — a missing alert, a risky default, a tool that hid something.",
  CONTRIBUTING_HUMAN: "No human or organisational factors yet — pressure, handovers, unclear ownership, staffing.",
  KNOWLEDGE_GAP: "No knowledge gaps yet — what someone needed to know and could not find in time.",
  OPERATIONAL_SURPRISE: "No surprises yet — what behaved differently from what people expected.",
  WENT_WELL: "Nothing here yet — what helped: people, tools, runbooks, luck.",
};

/**
 * The session's findings board: one column per category (five side by side when there is room,
 * stacked on phones), each finding with its supporting timeline entries, wording hints and
 * comments. Contributors add, edit and delete; everyone else reads. Changes are written through the
 * REST API and the page is refreshed from the server.
 */
export function FindingsBoard({
  reviewId,
  board,
  sharedEntries,
  canContribute,
  canComment,
  timeZone,
}: {
  reviewId: string;
  board: Wire<FindingsBoardData>;
  sharedEntries: Wire<SharedEntryView>[];
  canContribute: boolean;
  canComment: boolean;
  /** The viewer's timezone (viewerTimeZone() on the server); the browser's when absent. */
  timeZone?: string;
}) {
  const entriesById = useMemo(() => new Map(sharedEntries.map((e) => [e.id, e] as const)), [sharedEntries]);
  const total = board.categories.reduce((n, c) => n + c.findings.length, 0);
  const findings = board.categories.flatMap((c) => c.findings);
  const [composer, setComposer] = useState<Composer | null>(null);
  const editing = composer?.kind === "edit" ? findings.find((f) => f.id === composer.finding.id) : undefined;
  // Someone else deleted the finding being edited: the form stays with what was typed, and saving adds it again.
  const gone = composer?.kind === "edit" && !editing;
  const category = composer ? (composer.kind === "add" ? composer.category : (editing ?? composer.finding).category) : null;
  const trigger = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  // When the form closes, the keyboard goes back to the button that opened it (or its card's Edit, if the card moved).
  useEffect(() => {
    if (wasOpen.current && !composer) {
      const back = trigger.current?.isConnected ? trigger.current : document.querySelector<HTMLElement>(`[data-edit-finding="${trigger.current?.dataset.editFinding}"]`);
      back?.focus();
    }
    wasOpen.current = !!composer;
  }, [composer]);

  // The buttons that open the form close it again (a disclosure).
  const toggle = (next: Composer) => {
    const same = composer?.kind === next.kind && (next.kind === "add" ? category === next.category : composer.kind === "edit" && composer.finding.id === next.finding.id);
    if (same) return setComposer(null);
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setComposer(next);
  };

  return (
    <section aria-labelledby="findings-heading" className="@container space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="findings-heading" className="text-base font-semibold">
            Findings
          </h2>
          <p className="text-sm text-muted">
            What the group learned, in the words it agreed on: contributing factors, knowledge gaps, surprises and what went well — usually many, never just one.
          </p>
        </div>
        <p className="text-xs text-muted" aria-live="polite">
          {total === 1 ? "1 finding" : `${total} findings`}
        </p>
      </div>
      {composer && category ? (
        <div id="findings-composer" className="rounded-lg border border-accent/40 bg-surface p-4 shadow-sm sm:p-5">
          <div className="mb-3 flex items-start justify-between gap-3">
            <h3 className="text-sm font-semibold">{editing ? "Edit the finding" : `Add a finding · ${FINDING_CATEGORY_LABEL[category]}`}</h3>
            <button type="button" onClick={() => setComposer(null)} className="-m-1 rounded p-1 text-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring" aria-label="Close without saving">
              <X aria-hidden className="size-4" />
            </button>
          </div>
          {gone ? (
            <Alert tone="info" className="mb-4">
              Someone deleted this finding while you were editing it. What you typed is still here: “Add finding” adds it to the board again.
            </Alert>
          ) : null}
          <FindingForm
            // One form while adding (switching columns keeps what was typed); one per finding while editing.
            key={composer.kind === "edit" ? `edit-${composer.finding.id}` : "add"}
            reviewId={reviewId}
            category={category}
            finding={editing}
            sharedEntries={sharedEntries}
            timeZone={timeZone}
            onClose={() => setComposer(null)}
          />
        </div>
      ) : null}
      <div className="grid items-start gap-4 @xl:grid-cols-2 @3xl:grid-cols-3 @min-[60rem]:grid-cols-5 @min-[60rem]:gap-3">
        {board.categories.map((column) => (
          <FindingsColumn
            key={column.category}
            reviewId={reviewId}
            column={column}
            entriesById={entriesById}
            canContribute={canContribute}
            canComment={canComment}
            timeZone={timeZone}
            adding={composer?.kind === "add" && composer.category === column.category}
            editingId={editing?.id ?? null}
            onAdd={() => toggle({ kind: "add", category: column.category })}
            onEdit={(f) => toggle({ kind: "edit", finding: f })}
          />
        ))}
      </div>
    </section>
  );
}

type Composer = { kind: "add"; category: FindingCategoryName } | { kind: "edit"; finding: WireFinding };

function FindingsColumn({
  reviewId,
  column,
  entriesById,
  canContribute,
  canComment,
  timeZone,
  adding,
  editingId,
  onAdd,
  onEdit,
}: {
  reviewId: string;
  column: Wire<FindingsBoardData>["categories"][number];
  entriesById: Map<string, WireEntry>;
  canContribute: boolean;
  canComment: boolean;
  timeZone?: string;
  adding: boolean;
  editingId: string | null;
  onAdd: () => void;
  onEdit: (f: WireFinding) => void;
}) {
  const headingId = `findings-${column.category.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} data-category={column.category} className="flex min-w-0 flex-col gap-3 rounded-lg bg-surface-muted/60 p-3">
      <header>
        <h3 id={headingId} tabIndex={-1} className="flex items-start gap-2 rounded-sm text-sm leading-snug font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
          <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", DOT[column.category])} />
          <span className="min-w-0 flex-1">{column.label}</span>
          <span className="shrink-0 rounded-full bg-surface px-1.5 text-xs font-normal text-muted tabular-nums">
            <span className="sr-only">(</span>
            {column.findings.length}
            <span className="sr-only">{column.findings.length === 1 ? " finding)" : " findings)"}</span>
          </span>
        </h3>
        <p className="mt-1 pl-4 text-xs text-muted">{column.hint}</p>
      </header>
      {column.findings.length ? (
        <ul className="space-y-3">
          {column.findings.map((f) => (
            <li key={f.id}>
              <FindingCard
                reviewId={reviewId}
                finding={f}
                entriesById={entriesById}
                canContribute={canContribute}
                canComment={canComment}
                timeZone={timeZone}
                editing={editingId === f.id}
                onEdit={() => onEdit(f)}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-border px-3 py-4 text-xs text-muted">{EMPTY[column.category]}</p>
      )}
      {canContribute ? (
        <Button
          variant="ghost"
          size="sm"
          className={cn("justify-start text-muted hover:text-foreground", adding && "bg-accent-soft text-foreground")}
          aria-label={`Add a finding: ${column.label}`}
          aria-expanded={adding}
          aria-controls={adding ? "findings-composer" : undefined}
          onClick={onAdd}
        >
          <Plus aria-hidden className="size-4" />
          Add a finding
        </Button>
      ) : null}
    </section>
  );
}
