import Link from "next/link";
import { ArrowRight, CheckCircle2, Circle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { ChecklistItem } from "@/lib/library/publish-checklist";

/** The publish checklist: each item met or not, what is missing, and a link to fix it. */
export function PublishChecklist({ items }: { items: ChecklistItem[] }) {
  const met = items.filter((i) => i.met).length;
  return (
    <section aria-labelledby="checklist-heading" className="rounded-lg border border-border bg-surface">
      <div className="border-b border-border px-5 py-4">
        <h2 id="checklist-heading" className="text-base font-semibold">
          Before publishing
        </h2>
        <p className="mt-0.5 text-sm text-muted">
          {met} of {items.length} done
        </p>
        <div className="mt-3 flex gap-1" aria-hidden>
          {/* A progress bar: it fills from the left with the count done, whichever items those are. */}
          {items.map((i, k) => (
            <span key={i.id} className={cn("h-1.5 flex-1 rounded-full", k < met ? "bg-success" : "bg-border")} />
          ))}
        </div>
      </div>
      <ul className="divide-y divide-border">
        {items.map((i) => (
          <li key={i.id} className="flex gap-3 px-5 py-3.5">
            {i.met ? <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success" /> : <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-muted" />}
            <div className="min-w-0 flex-1">
              <p className={cn("text-sm font-medium", i.met && "text-foreground/80")}>
                {i.label}
                <span className="sr-only">{i.met ? " (done)" : " (to do)"}</span>
              </p>
              <p className="mt-0.5 text-xs text-muted">{i.detail}</p>
              {!i.met ? (
                <Link href={i.href} className="mt-1.5 inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline">
                  {i.id === "summary" || i.id === "sensitive" ? "Below" : "Fix this"} <ArrowRight aria-hidden className="size-3" />
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
