import Link from "next/link";
import { cn } from "./cn";

/** Tabs that are links (filters kept in the URL, so they survive reloads and can be shared). */
export function TabsNav({ items, label }: { items: { href: string; label: string; active: boolean; count?: number }[]; label: string }) {
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-border">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap",
            item.active ? "border-accent font-medium text-foreground" : "border-transparent text-muted hover:text-foreground",
          )}
        >
          {item.label}
          {item.count !== undefined ? <span className="ml-1.5 text-xs text-muted">{item.count}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
