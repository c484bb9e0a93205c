"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PhaseTrack } from "@/components/reviews/phase-track";
import { RoleBadge } from "@/components/reviews/role-badge";
import { TimeLabel } from "@/components/ui/time-label";
import type { ReviewPhase } from "@/lib/policies/types";
import type { ShownTime } from "@/lib/ui/time";

/** One row of the reviews list, as plain data with its times already formatted for the viewer. */
export type ReviewListRow = {
  id: string;
  title: string;
  severity: string;
  team: string;
  facilitator: string;
  people: number;
  myRole: string | null;
  phase: ReviewPhase;
  updated: ShownTime;
};

/**
 * The reviews list's rows. A client component on purpose: the page hands it the rows as data, so
 * the React payload carries ~200 bytes a row instead of every element and class name of it, and
 * the server renders the markup once (HTML) instead of twice (payload, then HTML).
 */
export function ReviewList({ rows }: { rows: ReviewListRow[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-surface">
      <ul className="divide-y divide-border">
        {rows.map((r) => (
          <li key={r.id} className="relative flex flex-wrap items-start justify-between gap-x-6 gap-y-2 px-4 py-3 hover:bg-surface-muted/60 sm:px-5">
            <div className="min-w-0 flex-1">
              <Link href={`/reviews/${r.id}`} className="font-medium after:absolute after:inset-0 hover:underline">
                {r.title}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                <SeverityBadge severity={r.severity} />
                <span>{r.team}</span>
                <span>{`Facilitator: ${r.facilitator}`}</span>
                <span>{`${r.people} ${r.people === 1 ? "person" : "people"}`}</span>
                {r.myRole ? <RoleBadge role={r.myRole} /> : null}
              </div>
            </div>
            <div className="flex flex-col items-start gap-1 sm:items-end">
              <PhaseTrack phase={r.phase} compact />
              <span className="text-xs text-muted">
                Updated <TimeLabel time={r.updated} />
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
