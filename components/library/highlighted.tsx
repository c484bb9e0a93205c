import { cn } from "@/components/ui/cn";

type Part = { text: string; match: boolean };

/**
 * Text with the words that matched a search marked — rendered as elements from structured parts
 * (lib/library/highlight.ts), never as HTML, so stored text is always inert.
 */
export function Highlighted({ parts, className }: { parts: Part[]; className?: string }) {
  return (
    <span className={className}>
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className={cn("rounded-sm bg-warning-soft px-0.5 font-medium text-foreground")}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
