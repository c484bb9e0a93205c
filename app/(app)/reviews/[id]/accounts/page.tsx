import Link from "next/link";
import { notFound } from "next/navigation";
import { Columns3, ExternalLink, Rows3, UserRound } from "lucide-react";
import { LateAdditionForm } from "@/components/accounts/late-addition-form";
import { DocView } from "@/components/editor/doc-view";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { viewerTimeZone } from "@/lib/http/viewer";
import { listAccounts, type AccountsView } from "@/lib/responder-accounts/list-accounts";
import { TIMELINE_KIND_LABEL } from "@/lib/responder-accounts/personal-timeline";
import { getReview } from "@/lib/reviews/get-review";
import { formatDateTime } from "@/lib/ui/time";
import { lateAdditionAction } from "./actions";

export const metadata = { title: "Accounts" };

type Account = AccountsView["accounts"][number];

function AccountColumn({ account, tz, lateForm }: { account: Account; tz: string; lateForm?: React.ReactNode }) {
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

export default async function AccountsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string; a?: string }> }) {
  const { id } = await params;
  const { view, a } = await searchParams;
  const actor = await requireActor(`/reviews/${id}/accounts`);
  let data: AccountsView;
  let review: Awaited<ReturnType<typeof getReview>>;
  try {
    review = await getReview(actor, id);
    data = await listAccounts(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const tz = await viewerTimeZone();
  const oneAtATime = view === "one";
  const index = Math.min(Math.max(Number(a ?? 0) || 0, 0), Math.max(data.accounts.length - 1, 0));
  const mayAppend = review.phase === "GROUP" || review.phase === "ACTION_PLANNING";
  const lateFormFor = (acc: Account) => (acc.own && mayAppend ? <LateAdditionForm action={lateAdditionAction} reviewId={id} /> : undefined);
  const back = (
    <Link href={`/reviews/${id}`} className="hover:text-foreground hover:underline">
      ← {review.title}
    </Link>
  );

  if (!data.revealed) {
    return (
      <>
        <PageHeader eyebrow={back} title="Accounts" />
        <Alert tone="info" title="Accounts are private until the reveal">
          Each responder&apos;s account is readable by its author alone until the facilitator reveals all accounts together.
          {review.myRole === "RESPONDER" ? (
            <>
              {" "}
              <Link href={`/reviews/${id}/account`} className="text-accent hover:underline">
                Write yours
              </Link>
            </>
          ) : null}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        eyebrow={back}
        title="Accounts"
        description={`${data.accounts.length} account${data.accounts.length === 1 ? "" : "s"}, revealed together${data.anonymised ? ", anonymised" : ""}. Where do the perspectives differ?`}
        actions={
          data.accounts.length > 1 ? (
            <nav aria-label="Layout" className="flex gap-1 rounded-md border border-border bg-surface p-0.5">
              <Link href={`/reviews/${id}/accounts`} aria-current={!oneAtATime ? "page" : undefined} className={cn(buttonClass("ghost", "sm"), !oneAtATime && "bg-surface-muted")}>
                <Columns3 aria-hidden className="size-4" /> Side by side
              </Link>
              <Link href={`/reviews/${id}/accounts?view=one`} aria-current={oneAtATime ? "page" : undefined} className={cn(buttonClass("ghost", "sm"), oneAtATime && "bg-surface-muted")}>
                <Rows3 aria-hidden className="size-4" /> One at a time
              </Link>
            </nav>
          ) : null
        }
      />
      {data.accounts.length === 0 ? (
        <EmptyState icon={UserRound} title="No accounts were written">
          Nobody wrote an account before the reveal. The group session can still build the timeline together.
        </EmptyState>
      ) : oneAtATime ? (
        <div className="space-y-4">
          <nav aria-label="Accounts" className="flex flex-wrap gap-1">
            {data.accounts.map((acc, i) => (
              <Link key={acc.id} href={`/reviews/${id}/accounts?view=one&a=${i}`} aria-current={i === index ? "page" : undefined} className={cn(buttonClass(i === index ? "primary" : "secondary", "sm"))}>
                {acc.author.name}
              </Link>
            ))}
          </nav>
          <AccountColumn account={data.accounts[index]!} tz={tz} lateForm={lateFormFor(data.accounts[index]!)} />
        </div>
      ) : (
        <div className="-mx-4 overflow-x-auto px-4 pb-2 sm:-mx-8 sm:px-8">
          <div className="grid auto-cols-[minmax(20rem,1fr)] grid-flow-col gap-4">
            {data.accounts.map((acc) => (
              <AccountColumn key={acc.id} account={acc} tz={tz} lateForm={lateFormFor(acc)} />
            ))}
          </div>
        </div>
      )}
    </>
  );
}
