import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewActionsSummary } from "@/components/actions/review-actions-summary";
import { IncidentFacts } from "@/components/incidents/incident-facts";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { ParticipantList } from "@/components/reviews/participants";
import { PhaseMove } from "@/components/reviews/phase-move";
import { PhaseTrack } from "@/components/reviews/phase-track";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { isRevealed } from "@/lib/policies";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { listReviewActions } from "@/lib/action-items/list-review-actions";
import { listReviewActivity } from "@/lib/audit/list-review-activity";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { accountsIn } from "@/lib/responder-accounts/accounts-in";
import { getReview, type ReviewView } from "@/lib/reviews/get-review";
import { PHASE_MOVE } from "@/lib/reviews/lifecycle";
import { addParticipantAction, movePhaseAction, removeParticipantAction } from "./actions";

const VISIBILITY_LABEL = { PARTICIPANTS: "Participants only", TEAM: "Owning team", ORGANISATION: "Whole organisation" } as const;

async function load(id: string) {
  const actor = await requireActor(`/reviews/${id}`);
  try {
    return { actor, review: await getReview(actor, id) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const { review } = await load(id);
    return { title: review.title };
  } catch {
    return { title: "Review" };
  }
}

function moveWarning(review: ReviewView): string | undefined {
  if (review.nextPhase === "INDEPENDENT") {
    const responders = review.participants.filter((p) => p.role === "RESPONDER").length;
    return responders === 0 ? "Invite at least one responder first." : `${responders} responder${responders === 1 ? "" : "s"} will be asked to write an account.`;
  }
  return undefined;
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, review } = await load(id);
  const activity = await listReviewActivity(actor, id);
  // The actions with their live status, for whoever may read them (from action planning on).
  const plan =
    review.phase === "ACTION_PLANNING" || review.phase === "PUBLISHED"
      ? await listReviewActions(actor, id).catch((e: unknown) => {
          if (isAppError(e)) return null;
          throw e;
        })
      : null;
  // While accounts are written, the facilitator sees how far along they are (counts, never content).
  const progress = review.phase === "INDEPENDENT" && review.abilities.viewAccountStatus ? ((await accountsIn([id])).get(id) ?? { submitted: 0, responders: 0 }) : null;
  const incident = review.incident;
  const move = review.nextPhase && review.nextPhase !== "PREPARING" ? PHASE_MOVE[review.nextPhase] : null;
  const beforeReveal = review.phase === "PREPARING" || review.phase === "INDEPENDENT";

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/incidents/${incident.id}`} className="inline-flex items-center gap-2 hover:text-foreground hover:underline">
            <SeverityBadge severity={incident.severity} /> {incident.title}
          </Link>
        }
        title={review.title}
        actions={<Badge>{VISIBILITY_LABEL[review.visibility]} once published</Badge>}
      />
      <div className="mb-6">
        <PhaseTrack phase={review.phase} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <Card className="border-accent/30">
            <CardBody className="space-y-4 p-6">
              <div>
                <p className="text-xs font-semibold tracking-wide text-accent uppercase">Your next step</p>
                <h2 className="mt-1 text-xl font-semibold">{review.nextStep.title}</h2>
                <p className="mt-1 max-w-prose text-sm text-muted">{review.nextStep.detail}</p>
                {progress ? (
                  <div className="mt-4 max-w-md">
                    <p className="text-sm">
                      <span className="font-semibold tabular-nums">
                        {progress.submitted} of {progress.responders}
                      </span>{" "}
                      {progress.responders === 1 ? "account" : "accounts"} submitted
                      {review.accountDeadline ? (
                        <span className="text-muted">
                          {" "}
                          · deadline <Time date={review.accountDeadline} />
                        </span>
                      ) : null}
                    </p>
                    <div aria-hidden className="mt-2 h-1.5 overflow-hidden rounded-full bg-surface-muted">
                      <div className="h-full rounded-full bg-accent" style={{ width: `${progress.responders ? (100 * progress.submitted) / progress.responders : 0}%` }} />
                    </div>
                  </div>
                ) : review.phase === "INDEPENDENT" && review.abilities.writeOwnAccount && review.accountDeadline ? (
                  <p className="mt-3 text-sm">
                    Please submit by <Time date={review.accountDeadline} />.
                  </p>
                ) : null}
              </div>
              <div className="flex flex-wrap items-start gap-3">
                {review.abilities.writeOwnAccount ? <ButtonLink href={`/reviews/${review.id}/account`} size="lg">Write your account</ButtonLink> : null}
                {review.abilities.viewAccountStatus && review.phase === "INDEPENDENT" ? (
                  <ButtonLink href={`/reviews/${review.id}/status`} size="lg">
                    Open the status board
                  </ButtonLink>
                ) : null}
                {plan?.abilities.plan ? (
                  <ButtonLink href={`/reviews/${review.id}/actions`} size="lg">
                    Plan actions
                  </ButtonLink>
                ) : null}
                {review.phase === "PUBLISHED" ? (
                  <ButtonLink href={`/reviews/${review.id}/report`} size="lg">
                    Read the report
                  </ButtonLink>
                ) : null}
                {review.abilities.movePhase && review.nextPhase === "PUBLISHED" ? (
                  // Publication has a checklist and the report's details: its own page (lib/library).
                  <ButtonLink href={`/reviews/${review.id}/publish`} size="lg" variant="secondary">
                    Prepare to publish
                  </ButtonLink>
                ) : null}
                {review.abilities.movePhase && move && review.nextPhase && review.nextPhase !== "PUBLISHED" && review.phase !== "INDEPENDENT" ? (
                  <PhaseMove action={movePhaseAction} reviewId={review.id} to={review.nextPhase} label={move.action} explain={move.explain} warning={moveWarning(review)} />
                ) : null}
                {isRevealed(review.phase) && (review.myRole || actor.role === "ADMIN") ? (
                  <>
                    <ButtonLink href={`/reviews/${review.id}/session`} size="lg" variant={review.phase === "GROUP" ? "primary" : "secondary"}>
                      {review.phase === "GROUP" ? "Join the group session" : "Open the session"}
                    </ButtonLink>
                    <ButtonLink href={`/reviews/${review.id}/accounts`} size="lg" variant="secondary">
                      Read the accounts
                    </ButtonLink>
                  </>
                ) : null}
              </div>
            </CardBody>
          </Card>

          {plan ? <ReviewActionsSummary reviewId={review.id} plan={plan} /> : null}

          <Card>
            <CardHeader title="Incident" description={<>Owned by {incident.team.name}</>} />
            <CardBody>
              <IncidentFacts incident={incident} columns />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Activity" description="Every change to this review is recorded." />
            <CardBody>
              {activity.length ? (
                <ol className="space-y-2 text-sm">
                  {activity.map((a) => (
                    <li key={a.id} className="flex flex-wrap justify-between gap-x-4">
                      <span>{a.text}</span>
                      <span className="text-xs text-muted">
                        <Time date={a.at} relative />
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-muted">Nothing has happened yet.</p>
              )}
            </CardBody>
          </Card>
        </div>

        <aside className="space-y-6">
          <Card>
            <CardHeader title="People" description={`${review.participants.length} taking part`} />
            <CardBody>
              <ParticipantList
                participants={review.participants}
                reviewId={review.id}
                canManage={review.abilities.manageParticipants}
                canRemoveResponders={beforeReveal}
                canInviteResponders={beforeReveal}
                addAction={addParticipantAction}
                removeAction={removeParticipantAction}
              />
            </CardBody>
          </Card>
          <Card>
            <CardBody className="space-y-2 text-sm">
              <p>
                <span className="text-muted">In this phase since </span>
                <Time date={review.phaseChangedAt} />
              </p>
              <p>
                <span className="text-muted">Started </span>
                <Time date={review.createdAt} relative />
              </p>
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
