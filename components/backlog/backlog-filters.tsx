"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { ChoiceSelect, Select } from "@/components/ui/field";
import { ACTION_PRIORITIES, PRIORITY_LABEL, STATUS_LABEL } from "@/lib/action-items/action-fields";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL } from "@/lib/findings/categories";

export type BacklogFilterValues = { status: string; priority?: string; reviewId?: string; category?: string; overdue?: string; order: string };

const STATUS_OPTIONS: [string, string][] = [
  ["active", "Open and in progress"],
  ["all", "Every status"],
  ["OPEN", STATUS_LABEL.OPEN],
  ["IN_PROGRESS", STATUS_LABEL.IN_PROGRESS],
  ["DONE", STATUS_LABEL.DONE],
  ["WONT_DO", STATUS_LABEL.WONT_DO],
];

/**
 * The backlog's filters, kept in the URL (so a filtered backlog can be shared and reloaded): a
 * plain GET form that applies itself as soon as a choice changes (and with "Apply" without JS).
 */
export function BacklogFilters({ path, values, reviews, filtered }: { path: string; values: BacklogFilterValues; reviews: { id: string; title: string }[]; filtered: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    const data = new FormData(form);
    for (const [k, v] of data.entries()) if (typeof v === "string" && v && !(k === "status" && v === "active") && !(k === "order" && v === "rank")) params.set(k, v);
    const query = params.toString();
    startTransition(() => router.push(query ? `${path}?${query}` : path, { scroll: false }));
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply(e.currentTarget);
  };

  return (
    <form role="search" aria-label="Filter the backlog" action={path} onSubmit={onSubmit} onChange={(e) => apply(e.currentTarget)} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end" data-pending={pending || undefined}>
      <label className="min-w-0 sm:w-auto">
        <span className="mb-1 block text-xs text-muted">Status</span>
        <Select name="status" defaultValue={values.status}>
          {STATUS_OPTIONS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </label>
      <label className="min-w-0 sm:w-auto">
        <span className="mb-1 block text-xs text-muted">Priority</span>
        <ChoiceSelect name="priority" any="Any priority" selected={values.priority} choices={ACTION_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))} />
      </label>
      <label className="col-span-2 min-w-0 sm:max-w-64 sm:min-w-48 sm:flex-1">
        <span className="mb-1 block text-xs text-muted">Review</span>
        <ChoiceSelect name="reviewId" any="Every review" selected={values.reviewId} choices={reviews.map((r) => ({ value: r.id, label: r.title }))} />
      </label>
      <label className="col-span-2 min-w-0 sm:max-w-64 sm:min-w-48 sm:flex-1">
        <span className="mb-1 block text-xs text-muted">Finding category</span>
        <ChoiceSelect name="category" any="Any category" selected={values.category} choices={FINDING_CATEGORIES.map((c) => ({ value: c, label: FINDING_CATEGORY_LABEL[c] }))} />
      </label>
      <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-2 sm:pb-2">
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="true" defaultChecked={values.overdue === "true"} className="size-4 accent-[var(--accent)]" />
          Overdue only
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="order" value="overdue-first" defaultChecked={values.order === "overdue-first"} className="size-4 accent-[var(--accent)]" />
          Overdue first
        </label>
      </div>
      <noscript>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </noscript>
      {filtered ? (
        <Link href={path} className={buttonClass("ghost", "md", "col-span-2 justify-self-start sm:mb-px")}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
