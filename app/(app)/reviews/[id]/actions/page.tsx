import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionsWorkspace } from "@/components/actions/actions-workspace";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listReviewActions, type ReviewActions } from "@/lib/action-items/list-review-actions";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { viewerTimeZone } from "@/lib/http/viewer";
import { getReview, type ReviewView } from "@/lib/reviews/get-review";
import { PHASE_LABEL } from "@/lib/reviews/lifecycle";
import { listTeams } from "@/lib/teams/list-teams";
import { listPeople } from "@/lib/users/list-people";

export const metadata = { title: "Actions" };

const INTRO: Partial<Record<ReviewView["phase"], string>> = {
  GROUP: "Actions are planned once the group session ends. Until then this page lists the findings they will come from.",
  ACTION_PLANNING: "Turn the findings into concrete, checkable actions, each owned by a team. Agreed actions go to the team's backlog and tracker.",
  PUBLISHED: "The actions the group agreed, with their live status. The owning teams keep them up to date.",
};

export default async function ReviewActionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/reviews/${id}/actions`);
  let review: ReviewView;
  let plan: ReviewActions;
  try {
    review = await getReview(actor, id);
    plan = await listReviewActions(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "CONFLICT") {
      return (
        <Alert tone="info" title="Actions come after the group session">
          {e.message}{" "}
          <Link href={`/reviews/${id}`} className="text-accent hover:underline">
            Back to the review
          </Link>
        </Alert>
      );
    }
    throw e;
  }
  const changesPeople = plan.abilities.plan || plan.actions.some((a) => a.abilities.updateProgress);
  const [teams, people, tz] = await Promise.all([plan.abilities.plan ? listTeams(actor) : Promise.resolve([]), changesPeople ? listPeople(actor) : Promise.resolve([]), viewerTimeZone()]);
  const publish = review.phase === "ACTION_PLANNING" && review.abilities.movePhase;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/reviews/${id}`} className="hover:text-foreground hover:underline">
            ← {review.title}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            Actions <Badge tone={review.phase === "ACTION_PLANNING" ? "accent" : "neutral"}>{PHASE_LABEL[review.phase]}</Badge>
          </span>
        }
        description={INTRO[review.phase]}
        actions={
          publish ? (
            // Publication has its checklist (every finding with an action or a reason for none) on its own page.
            <ButtonLink href={`/reviews/${id}/publish`} variant="secondary">
              Prepare to publish
            </ButtonLink>
          ) : null
        }
      />
      <ActionsWorkspace
        reviewId={id}
        plan={plan}
        teams={teams.map((t) => ({ id: t.id, label: t.name }))}
        people={people.map((p) => ({ id: p.id, label: p.name ? `${p.name} (${p.email})` : p.email }))}
        defaultTeamId={review.incident.team.id}
        timeZone={tz}
      />
    </>
  );
}
