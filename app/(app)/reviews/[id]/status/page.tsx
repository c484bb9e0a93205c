import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountSettingsForm, RemindButton, StatusTable } from "@/components/accounts/status-board";
import { PhaseMove } from "@/components/reviews/phase-move";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { viewerTimeZone } from "@/lib/http/viewer";
import { promptsOf } from "@/lib/responder-accounts/prompts";
import { getAccountStatusBoard } from "@/lib/responder-accounts/status-board";
import { getReview } from "@/lib/reviews/get-review";
import { PHASE_MOVE } from "@/lib/reviews/lifecycle";
import { dateToZonedLocal, formatDateTime, formatRelative } from "@/lib/ui/time";
import { movePhaseAction } from "../actions";
import { remindAction, settingsAction } from "./actions";

export const metadata = { title: "Status board" };

export default async function StatusBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/reviews/${id}/status`);
  let board: Awaited<ReturnType<typeof getAccountStatusBoard>>;
  let review: Awaited<ReturnType<typeof getReview>>;
  try {
    review = await getReview(actor, id);
    board = await getAccountStatusBoard(actor, id);
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
  const tz = await viewerTimeZone();
  const rows = board.responders.map((r) => ({
    participantId: r.participantId,
    name: r.name,
    status: r.status,
    lastActivity: r.lastActivityAt ? formatRelative(r.lastActivityAt) : null,
    wordCount: r.wordCount,
    overdue: r.overdue,
    lastReminded: r.lastRemindedAt ? formatRelative(r.lastRemindedAt) : null,
  }));
  const notSubmitted = board.notSubmitted;
  const reveal = PHASE_MOVE.GROUP;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/reviews/${id}`} className="hover:text-foreground hover:underline">
            ← {review.title}
          </Link>
        }
        title="Status board"
        description="Who has written their account. You see progress, never content: accounts stay private until you reveal them all together."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm">
              <span className="text-2xl font-semibold tabular-nums">{board.submitted}</span> <span className="text-muted">of {board.responders.length} submitted</span>
              {board.deadline ? <span className="ml-3 text-muted">· deadline {formatDateTime(board.deadline, tz)}</span> : null}
            </p>
            {review.abilities.remindResponders && notSubmitted.length ? (
              <RemindButton action={remindAction} reviewId={id} label="Remind everyone not submitted" />
            ) : null}
          </div>
          {board.responders.length ? (
            <StatusTable rows={rows} reviewId={id} canRemind={review.abilities.remindResponders} remindAction={remindAction} />
          ) : (
            <Alert tone="info">No responders yet. Invite them on the review page.</Alert>
          )}
          {review.phase === "INDEPENDENT" && review.abilities.movePhase ? (
            <Card>
              <CardHeader title="Reveal the accounts" description="When everyone is ready, reveal all accounts at once to start the group session." />
              <CardBody>
                <PhaseMove
                  action={movePhaseAction}
                  reviewId={id}
                  to="GROUP"
                  label={reveal.action}
                  explain={reveal.explain}
                  warning={
                    notSubmitted.length
                      ? `Not submitted yet: ${notSubmitted.join(", ")}. Their drafts will be revealed as they are.`
                      : "Everyone has submitted."
                  }
                />
              </CardBody>
            </Card>
          ) : review.phase !== "INDEPENDENT" ? (
            <Alert tone="info" title="Accounts have been revealed">
              <Link href={`/reviews/${id}/accounts`} className="text-accent hover:underline">
                Read them side by side
              </Link>
            </Alert>
          ) : null}
        </div>
        {review.abilities.configureAccounts ? (
          <Card>
            <CardHeader title="Settings" />
            <CardBody>
              <AccountSettingsForm
                action={settingsAction}
                reviewId={id}
                deadlineLocal={board.deadline ? dateToZonedLocal(board.deadline, tz) : ""}
                anonymise={board.anonymise}
                prompts={promptsOf(review.accountPrompts).map((p) => p.title)}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
