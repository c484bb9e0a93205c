"use client";

import { useState } from "react";
import { SlidersHorizontal } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** The filters: behind a button on small screens (open when some are set), always shown on large ones. */
export function FiltersPanel({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(active > 0);
  return (
    <div className="mb-4 lg:mb-0">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="library-filters"
        className="flex w-full items-center gap-2 rounded-lg border border-border bg-surface px-4 py-2.5 text-sm font-medium lg:hidden"
      >
        <SlidersHorizontal aria-hidden className="size-4 text-muted" /> Filters{active ? ` (${active})` : ""}
        <span className="ml-auto text-xs text-muted">{open ? "Hide" : "Show"}</span>
      </button>
      <div id="library-filters" className={cn(open ? "block" : "hidden", "mt-2 rounded-lg border border-border bg-surface p-4 lg:mt-0 lg:block lg:border-0 lg:bg-transparent lg:p-0")}>
        {children}
      </div>
    </div>
  );
}
