import type { ReactNode } from "react";

/** A section of the printed report: a numbered-free heading with a rule, kept with its first lines when printing. */
export function ReportSection({ id, title, children, aside }: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-6 border-t border-border pt-6 print:pt-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 break-after-avoid">
        <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {aside ? <div className="text-xs text-muted">{aside}</div> : null}
      </div>
      {children}
    </section>
  );
}
