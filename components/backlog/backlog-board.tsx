"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { callApi, useRefresh } from "@/components/session/findings-support";
import type { ActionPriorityName, ActionStatusName } from "@/lib/action-items/action-fields";
import { BacklogIconSprite } from "./backlog-icons";
import { BacklogRow, StaticBacklogRow, type BacklogRowItem, type KeyboardMove } from "./backlog-row";

type Move = { after: string; before?: string } | { before: string } | { to: "top" | "bottom" | "up" | "down" };

const reducedMotionQuery = "(prefers-reduced-motion: reduce)";

const subscribeNever = () => () => {};
/** False on the server and while hydrating, true once the page is interactive in the browser. */
function useInteractive(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
function useReducedMotion(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = window.matchMedia(reducedMotionQuery);
      m.addEventListener("change", notify);
      return () => m.removeEventListener("change", notify);
    },
    () => window.matchMedia(reducedMotionQuery).matches,
    () => false,
  );
}

/**
 * A team's backlog, ranked. Product managers (and admins) reorder it by dragging a row's handle —
 * with the mouse, by touch, or from the keyboard (Space to lift, arrows, Space to drop) — or with
 * the move buttons; priority and status change in place for those who may. The list moves at once;
 * each move is sent as "between these two neighbours", one at a time, and the page is refreshed
 * from the server when they are all saved. A failed move puts the server's order back.
 */
export function BacklogBoard({ items: initial, canRank, hasPrevious, hasNext, teamName }: { items: BacklogRowItem[]; canRank: boolean; hasPrevious: boolean; hasNext: boolean; teamName: string }) {
  const [items, setItems] = useState(initial);
  const [source, setSource] = useState(initial);
  if (source !== initial) {
    setSource(initial);
    setItems(initial);
  }
  const [status, setStatus] = useState("");
  const focusTarget = useRef<{ id: string; move: KeyboardMove } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const { refresh } = useRefresh();
  const reducedMotion = useReducedMotion();
  // Drag and drop only once interactive: the server renders (and the browser hydrates) plain rows.
  const interactive = useInteractive();
  const sortable = canRank && interactive;
  const Row = sortable ? BacklogRow : StaticBacklogRow;
  // A stable id, so the server-rendered and hydrated instructions' ids agree.
  const dndId = useId();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  // The keyboard stays on the button that moved the row.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    buttons.current.get(`${target.id}:${target.move}`)?.focus();
    focusTarget.current = null;
  }, [items]);

  const titleOf = (id: string | number) => items.find((i) => i.id === id)?.title ?? "the action";
  const positionText = (list: BacklogRowItem[], id: string) => `position ${list.findIndex((i) => i.id === id) + 1} of ${list.length}${hasPrevious || hasNext ? " on this page" : ""}`;

  function send(id: string, body: Record<string, unknown>, done: string) {
    pending.current++;
    queue.current = queue.current.then(async () => {
      const r = await callApi(`/api/v1/action-items/${id}`, "PATCH", body);
      pending.current--;
      if (!r.ok) {
        toast.error(`Not saved: ${r.error.message}`);
        setStatus(`Not saved: ${r.error.message}`);
        refresh();
        return;
      }
      if (pending.current === 0) {
        setStatus(done);
        refresh();
      }
    });
  }

  function reorder(id: string, to: number, move: Move) {
    const from = items.findIndex((i) => i.id === id);
    const next = from === to ? items : arrayMove(items, from, to);
    setItems(next);
    const text = `Moved “${titleOf(id)}” to ${positionText(next, id)}.`;
    setStatus(text);
    send(id, { move }, text);
  }

  function keyboardMove(id: string, move: KeyboardMove) {
    const index = items.findIndex((i) => i.id === id);
    focusTarget.current = { id, move };
    if (move === "top") return reorder(id, 0, { to: "top" });
    if (move === "bottom") return reorder(id, items.length - 1, { to: "bottom" });
    if (move === "up") return index > 0 ? reorder(id, index - 1, { before: items[index - 1]!.id }) : reorder(id, index, { to: "up" });
    return index < items.length - 1 ? reorder(id, index + 1, { after: items[index + 1]!.id }) : reorder(id, index, { to: "down" });
  }

  function onDragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    const id = String(e.active.id);
    const to = items.findIndex((i) => i.id === e.over!.id);
    const next = arrayMove(items, items.findIndex((i) => i.id === id), to);
    const after = next[to - 1];
    const before = next[to + 1];
    reorder(id, to, after ? { after: after.id, ...(before ? { before: before.id } : {}) } : { before: before!.id });
  }

  function change(item: BacklogRowItem, body: { priority?: ActionPriorityName; status?: ActionStatusName }) {
    setItems((list) => list.map((i) => (i.id === item.id ? { ...i, ...body } : i)));
    send(item.id, body, body.priority ? `Priority of “${item.title}” saved.` : `Status of “${item.title}” saved.`);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${titleOf(active.id)}”. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `“${titleOf(active.id)}” is now at position ${items.findIndex((i) => i.id === over.id) + 1}.` : `“${titleOf(active.id)}” is not over the list.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped “${titleOf(active.id)}” at position ${items.findIndex((i) => i.id === over.id) + 1}.` : `Dropped “${titleOf(active.id)}”.`),
    onDragCancel: ({ active }) => `Moving “${titleOf(active.id)}” was cancelled; it is back where it was.`,
  };

  const list = (
    <ol aria-label={`Backlog of ${teamName}, highest rank first`} className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
      {items.map((item, i) => (
        <Row
          key={item.id}
          item={item}
          canRank={canRank}
          first={i === 0 && !hasPrevious}
          last={i === items.length - 1 && !hasNext}
          reducedMotion={reducedMotion}
          onMove={(move) => keyboardMove(item.id, move)}
          onChange={(body) => change(item, body)}
          moveButtonRef={(move) => (el) => {
            const key = `${item.id}:${move}`;
            if (el) buttons.current.set(key, el);
            else buttons.current.delete(key);
          }}
        />
      ))}
    </ol>
  );

  return (
    <div className="relative space-y-2">
      <BacklogIconSprite />
      {sortable ? (
        <DndContext
          id={dndId}
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: "To rank this action, press Space or Enter to pick it up, move it with the arrow keys, and press Space or Enter again to drop it. Escape cancels." },
          }}
        >
          <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            {list}
          </SortableContext>
        </DndContext>
      ) : (
        list
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
