import { ExternalLink, UserRound } from "lucide-react";
import { DocView } from "@/components/editor/doc-view";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { AccountsView } from "@/lib/responder-accounts/list-accounts";
import { TIMELINE_KIND_LABEL } from "@/lib/responder-accounts/personal-timeline";
import { formatDateTime } from "@/lib/ui/time";

export type Account = AccountsView["accounts"][number];

/** One revealed account: narrative, late additions, personal timeline. */
export function AccountColumn({ account, tz, lateForm }: { account: Account; tz: string; lateForm?: React.ReactNode }) {
  return (
    <article aria-label={`Account by ${account.author.name}`} className="flex min-w-0 flex-col rounded-lg border border-border bg-surface">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-5 py-3">
        <h2 className="flex items-center gap-2 font-semibold">
          <UserRound aria-hidden className="size-4 text-muted" /> {account.author.name}
          {account.own ? <span className="text-xs font-normal text-muted">(you)</span> : null}
        </h2>
        <span className="flex items-center gap-2 text-xs text-muted">
          {account.status === "SUBMITTED" ? <Badge tone="success">Submitted</Badge> : <Badge tone="warning">Draft, not submitted</Badge>}
          {account.wordCount} words
        </span>
      </header>
      <div className="space-y-6 px-5 py-4">
        <DocView doc={account.content} />
        {account.lateAdditions.map((l) => (
          <aside key={l.id} className="rounded-md border-l-4 border-warning bg-warning-soft/40 px-4 py-3">
            <p className="mb-1 text-xs font-semibold text-warning">
              Late addition · <Time date={l.createdAt} />
            </p>
            <DocView doc={l.content} />
          </aside>
        ))}
        {account.timeline.length ? (
          <section aria-label="Personal timeline">
            <h3 className="mb-2 text-sm font-semibold">Timeline</h3>
            <ol className="space-y-2 border-l border-border pl-4 text-sm">
              {account.timeline.map((e) => (
                <li key={e.id}>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt, tz)}</time>
                    <Badge>{TIMELINE_KIND_LABEL[e.kind]}</Badge>
                  </div>
                  <p className="whitespace-pre-wrap">{e.description}</p>
                  {e.evidenceUrl ? (
                    <a href={e.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-xs text-accent hover:underline">
                      Evidence <ExternalLink aria-hidden className="size-3" />
                    </a>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {lateForm}
      </div>
    </article>
  );
}

