import Link from "next/link";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import type { RelatedReview } from "@/lib/library/related-reviews";

function why(r: RelatedReview): string {
  const parts: string[] = [];
  if (r.reasons.services.length) parts.push(`Same ${r.reasons.services.length === 1 ? "service" : "services"}: ${r.reasons.services.join(", ")}`);
  if (r.reasons.tags.length) parts.push(`Tagged ${r.reasons.tags.join(", ")}`);
  if (r.reasons.similarText) parts.push("Similar words");
  if (!parts.length && r.reasons.categories.length) parts.push(r.reasons.categories.join(", "));
  return parts.join(" · ");
}

/** Related reviews beside a report, each saying why it is related. */
export function RelatedReviews({ items }: { items: RelatedReview[] }) {
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading" className="text-sm font-semibold">
        Related reviews
      </h2>
      {items.length ? (
        <ul className="mt-3 space-y-3">
          {items.map((r) => (
            <li key={r.id} className="group relative rounded-md border border-border bg-surface px-3 py-2.5 hover:border-accent/40">
              <Link href={`/reviews/${r.id}/report`} className="line-clamp-2 text-sm font-medium after:absolute after:inset-0 group-hover:underline">
                {r.title}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                <SeverityBadge severity={r.severity} /> {r.team.name}
              </div>
              <p className="mt-1 text-xs text-muted">{why(r)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted">No other published review shares its services, tags or words yet.</p>
      )}
    </section>
  );
}
