import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";

/** What appears here, and how to start: never a blank page. */
export function EmptyState({ icon: Icon, title, children, action }: { icon: LucideIcon; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-border px-6 py-12 text-center">
      <Icon aria-hidden className="size-8 text-muted" />
      <h3 className="mt-3 text-sm font-semibold">{title}</h3>
      {children ? <div className="mt-1 max-w-md text-sm text-muted">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
