import { Eye } from "lucide-react";
import { Time } from "@/components/ui/time";
import { getReviewReaders } from "@/lib/follow/review-readers";
import { formatShare } from "@/lib/insights/format";
import type { Actor } from "@/lib/policies/types";

/** How many people read a published review (everyone who may see it); who, and when, for admins. */
export async function ReviewReaders({ actor, reviewId }: { actor: Actor; reviewId: string }) {
  const readers = await getReviewReaders(actor, reviewId);
  if (!readers) return null;
  return (
    <section aria-labelledby="readers-h" className="text-sm">
      <h2 id="readers-h" className="text-sm font-semibold">
        Readers
      </h2>
      <p className="mt-2 flex items-start gap-2 text-muted">
        <Eye aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>
          {readers.readers === 0
            ? "Nobody has opened this report yet."
            : `Read by ${readers.readers} ${readers.readers === 1 ? "person" : "people"} — ${formatShare(readers.organisationShare)} of the organisation.`}
        </span>
      </p>
      {readers.people?.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs text-muted hover:text-foreground">Who read it (admins only)</summary>
          <ul className="mt-2 space-y-1.5 text-xs">
            {readers.people.map((p) => (
              <li key={p.id}>
                <span className="font-medium text-foreground">{p.name ?? p.email}</span>
                <span className="block text-muted">
                  first <Time date={p.firstAt} relative />
                  {p.visits > 1 ? <> · {p.visits} visits, last <Time date={p.lastAt} relative /></> : null}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
