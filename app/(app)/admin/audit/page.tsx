import Link from "next/link";
import { ScrollText } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { auditEventLabel } from "@/lib/audit/describe-audit-event";
import { AUDIT_EVENT_TYPES } from "@/lib/audit/events";
import { listAuditEvents, listAuditEventsSchema, type AuditListItem } from "@/lib/audit/list-audit-events";
import { listAuditFilterOptions } from "@/lib/audit/list-audit-filter-options";
import { isAppError } from "@/lib/errors";
import { requireAdmin } from "../require-admin";

export const metadata = { title: "Audit log · Admin" };

function Sentence({ item }: { item: AuditListItem }) {
  return (
    <>
      <span className="font-medium">{item.actor?.name ?? "Debrief"}</span>{" "}
      {item.sentence.map((part, i) =>
        typeof part === "string" ? (
          <span key={i}>{part}</span>
        ) : part.href ? (
          <Link key={i} href={part.href} className="font-medium text-accent hover:underline">
            {part.label}
          </Link>
        ) : (
          <span key={i} className="font-medium">
            {part.label}
          </span>
        ),
      )}
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAdmin("/admin/audit");
  const raw = await searchParams;
  const blankless = Object.fromEntries(Object.entries(raw).filter(([, v]) => v));
  const parsed = listAuditEventsSchema.safeParse(blankless);
  const input = parsed.success ? parsed.data : listAuditEventsSchema.parse({});
  let error: string | null = parsed.success ? null : "Some filters were not valid and were ignored.";
  let result: Awaited<ReturnType<typeof listAuditEvents>> = { items: [], nextCursor: null };
  try {
    result = await listAuditEvents(actor, input);
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e.message;
  }
  const options = await listAuditFilterOptions(actor);
  const filtered = Boolean(input.type || input.actorId || input.reviewId);
  const query = (over: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ type: input.type, actorId: input.actorId, reviewId: input.reviewId, ...over })) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `/admin/audit?${s}` : "/admin/audit";
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every change in Debrief, newest first: who made it, when, and to what. Account texts are never recorded here." />
      <form action="/admin/audit" className="mb-4 grid gap-2 sm:grid-cols-2 lg:flex lg:flex-wrap lg:items-end" aria-label="Filter the audit log">
        <div className="space-y-1 lg:w-56">
          <label htmlFor="audit-type" className="block text-xs font-medium text-muted">
            Event
          </label>
          <Select id="audit-type" name="type" defaultValue={input.type ?? ""}>
            <option value="">All events</option>
            {AUDIT_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {auditEventLabel(t)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1 lg:w-56">
          <label htmlFor="audit-actor" className="block text-xs font-medium text-muted">
            By
          </label>
          <Select id="audit-actor" name="actorId" defaultValue={input.actorId ?? ""}>
            <option value="">Anyone</option>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1 lg:w-72">
          <label htmlFor="audit-review" className="block text-xs font-medium text-muted">
            Review
          </label>
          <Select id="audit-review" name="reviewId" defaultValue={input.reviewId ?? ""}>
            <option value="">Any</option>
            {options.reviews.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            Apply filters
          </button>
          {filtered ? (
            <Link href="/admin/audit" className={buttonClass("ghost")}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {error ? (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      ) : null}
      {result.items.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No events match these filters" : "Nothing recorded yet"}
          action={
            filtered ? (
              <Link href="/admin/audit" className={buttonClass("secondary")}>
                Clear filters
              </Link>
            ) : null
          }
        >
          {filtered ? "Try another event type, person or review." : "Changes appear here as people join, teams are created and reviews move on."}
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-surface">
          <ol className="divide-y divide-border" aria-label="Audit events, newest first">
            {result.items.map((item) => (
              <li key={item.id} className="flex flex-col px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6 sm:px-5">
                <div className="min-w-0 text-sm">
                  <p className="break-words">
                    <Sentence item={item} />
                  </p>
                  <p className="mt-0.5 text-xs text-muted">
                    {auditEventLabel(item.type)}
                    <span className="sm:hidden">
                      {" · "}
                      <Time date={item.at} />
                    </span>
                  </p>
                </div>
                <span className="hidden shrink-0 text-xs text-muted sm:block sm:text-right">
                  <Time date={item.at} />
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {input.cursor || result.nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex justify-between">
          {input.cursor ? (
            <Link href={query({ cursor: undefined })} className={buttonClass("secondary", "sm")}>
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {result.nextCursor ? (
            <Link href={query({ cursor: result.nextCursor })} className={buttonClass("secondary", "sm")}>
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
