import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountWorkspace } from "@/components/accounts/account-workspace";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { isRevealed } from "@/lib/policies";
import { getMyAccount } from "@/lib/responder-accounts/get-my-account";

export const metadata = { title: "Your account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/reviews/${id}/account`);
  let account: Awaited<ReturnType<typeof getMyAccount>>;
  try {
    account = await getMyAccount(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const revealed = isRevealed(account.phase);
  const overdue = account.deadline && account.deadline < new Date() && account.status !== "SUBMITTED";
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/reviews/${id}`} className="hover:text-foreground hover:underline">
            ← {account.reviewTitle}
          </Link>
        }
        title="Your account"
        description="Write what you saw, did and thought, as it was at the time. Nobody — not even the facilitator — reads it until all accounts are revealed together."
      />
      {account.phase === "PREPARING" ? (
        <Alert tone="info" title="Not open yet" className="mb-6">
          The facilitator is still preparing this review. You will be told when it is time to write.
        </Alert>
      ) : null}
      {account.deadline && !revealed ? (
        <Alert tone={overdue ? "error" : "info"} className="mb-4">
          {overdue ? "The deadline has passed: " : "Please submit by "}
          <Time date={account.deadline} />.
        </Alert>
      ) : null}
      {revealed ? (
        <Alert tone="info" title="The accounts have been revealed" className="mb-6">
          Your account is read-only now.{" "}
          <ButtonLink href={`/reviews/${id}/accounts`} variant="link">
            Read everyone&apos;s accounts and add a late addition
          </ButtonLink>
        </Alert>
      ) : null}
      <AccountWorkspace
        reviewId={id}
        userId={actor.id}
        content={account.content}
        version={account.version}
        status={account.status}
        prompts={account.prompts}
        timeline={account.timeline.map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), timezone: e.timezone, description: e.description, kind: e.kind, evidenceUrl: e.evidenceUrl }))}
        canWrite={account.abilities.edit || account.abilities.reopen || account.abilities.submit}
      />
    </>
  );
}
