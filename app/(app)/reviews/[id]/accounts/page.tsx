import Link from "next/link";
import { notFound } from "next/navigation";
import { Columns3, Rows3, UserRound } from "lucide-react";
import { LateAdditionForm } from "@/components/accounts/late-addition-form";
import { AccountColumn, type Account } from "@/components/accounts/account-column";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { viewerTimeZone } from "@/lib/http/viewer";
import { listAccounts, type AccountsView } from "@/lib/responder-accounts/list-accounts";
import { getReview } from "@/lib/reviews/get-review";
import { lateAdditionAction } from "./actions";

export const metadata = { title: "Accounts" };

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
