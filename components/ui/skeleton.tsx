/**
 * Loading shapes for `loading.tsx` files: the page's outline in muted blocks while the server
 * renders it, so navigation answers at once and nothing jumps when the page arrives.
 */
import { cn } from "./cn";

/** The busy region, named for screen readers ("Loading the library"). */
export function PageSkeleton({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="motion-safe:animate-pulse">
      {children}
    </div>
  );
}

/** A muted bar or block; size it with classes. */
export function Bone({ className }: { className?: string }) {
  return <div aria-hidden className={cn("rounded bg-surface-muted", className)} />;
}

/** A card's outline, optionally with bones inside. */
export function CardBone({ className, children }: { className?: string; children?: React.ReactNode }) {
  return (
    <div aria-hidden className={cn("rounded-lg border border-border bg-surface", className)}>
      {children}
    </div>
  );
}

/** A page's heading and description. */
export function HeaderBones({ eyebrow }: { eyebrow?: boolean }) {
  return (
    <div className="mb-6 space-y-2">
      {eyebrow ? <Bone className="h-4 w-48" /> : null}
      <Bone className="h-7 w-64" />
      <Bone className="h-4 w-96 max-w-full" />
    </div>
  );
}
