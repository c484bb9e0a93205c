import Link from "next/link";
import { Radar } from "lucide-react";
import type { SimilarReviews } from "@/lib/library/similar-to-your-services";
import { ReviewFactsLine } from "./review-facts-line";

/**
 * "Close to home": other teams' reviews that touch services the reader's teams run — the answer
 * to "that could not happen to us". Shown on the library's landing view.
 */
export function SimilarReviewsSection({ similar }: { similar: SimilarReviews }) {
  if (!similar.items.length) return null;
  return (
    <section aria-labelledby="similar-heading" className="mb-8">
      <div className="mb-3 flex items-center gap-2">
        <Radar aria-hidden className="size-4 text-accent" />
        <h2 id="similar-heading" className="text-sm font-semibold">
          Close to home: other teams&apos; incidents on services you run
        </h2>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {similar.items.map((r) => (
          <li key={r.id} className="group relative rounded-lg border border-accent/25 bg-accent-soft/30 px-4 py-3 hover:border-accent/50">
            <Link href={`/reviews/${r.id}/report`} className="line-clamp-2 text-sm font-semibold after:absolute after:inset-0 group-hover:underline">
              {r.title}
            </Link>
            <div className="mt-1.5">
              <ReviewFactsLine severity={r.severity} team={r.team} incidentAt={r.incidentAt} services={r.services} highlight={r.sharedServices} />
            </div>
            <p className="mt-2 text-xs text-muted">
              Your teams run <span className="font-medium text-foreground">{r.sharedServices.join(", ")}</span> too
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
