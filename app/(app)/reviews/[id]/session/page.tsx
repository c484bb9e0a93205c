import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountColumn } from "@/components/accounts/account-column";
import { PhaseMove } from "@/components/reviews/phase-move";
import { AgendaPanel } from "@/components/session/agenda-panel";
import { AgendaStrip } from "@/components/session/agenda-strip";
import { FindingsBoard } from "@/components/session/findings-board";
import { NarrativeEditor } from "@/components/session/narrative-editor";
import { SessionShell } from "@/components/session/session-shell";
import { SESSION_TABS, type SessionTab } from "@/components/session/tabs";
import { DivergenceList, MergedTimeline } from "@/components/session/timeline-merged";
import { SharedTimeline } from "@/components/session/timeline-shared";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { listFindings } from "@/lib/findings/list-findings";
import { viewerTimeZone } from "@/lib/http/viewer";
import { listAccounts } from "@/lib/responder-accounts/list-accounts";
import { getReview } from "@/lib/reviews/get-review";
import { PHASE_LABEL, PHASE_MOVE } from "@/lib/reviews/lifecycle";
import { getSession } from "@/lib/session/get-session";
import { listTimeline } from "@/lib/timeline/list-timeline";
import { movePhaseAction } from "../actions";

export const metadata = { title: "Group session" };

function tabOf(value: string | undefined): SessionTab {
  return (SESSION_TABS.find(([id]) => id === value)?.[0] ?? "timeline") as SessionTab;
}

export default async function SessionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { id } = await params;
  const tab = tabOf((await searchParams).tab);
  const actor = await requireActor(`/reviews/${id}/session`);
  let review: Awaited<ReturnType<typeof getReview>>;
  let session: Awaited<ReturnType<typeof getSession>>;
  const tz = await viewerTimeZone();
  try {
    review = await getReview(actor, id);
    session = await getSession(actor, id, new Date(), { timeZone: tz });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "CONFLICT") {
      return (
        <Alert tone="info" title="The session has not started yet">
          {e.message}{" "}
          <Link href={`/reviews/${id}`} className="text-accent hover:underline">
            Back to the review
          </Link>
        </Alert>
      );
    }
    throw e;
  }
  if (!session.started) {
    return (
      <Alert tone="info" title="The session starts when the accounts are revealed">
        <Link href={`/reviews/${id}`} className="text-accent hover:underline">
          Back to the review
        </Link>
      </Alert>
    );
  }
  const live = review.phase === "GROUP";
  const abilities = session.abilities;
  const header = (
    <div>
      <Link href={`/reviews/${id}`} className="text-sm text-muted hover:text-foreground hover:underline">
        ← {review.title}
      </Link>
      <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
        Group session <Badge tone={live ? "accent" : "neutral"}>{live ? "In progress" : PHASE_LABEL[review.phase]}</Badge>
      </h1>
      <p className="mt-1 max-w-2xl text-sm text-muted">A learning session, not a fixing one: everybody&apos;s perspective counts.</p>
      {review.phase === "GROUP" && review.abilities.movePhase ? (
        <div className="mt-3">
          <PhaseMove action={movePhaseAction} reviewId={id} to="ACTION_PLANNING" label={PHASE_MOVE.ACTION_PLANNING.action} explain={PHASE_MOVE.ACTION_PLANNING.explain} />
        </div>
      ) : null}
    </div>
  );

  let content: React.ReactNode;
  if (tab === "accounts") {
    const data = await listAccounts(actor, id);
    content = data.accounts.length ? (
      <div className="-mx-4 overflow-x-auto px-4 pb-2 sm:-mx-8 sm:px-8">
        <div className="grid auto-cols-[minmax(20rem,1fr)] grid-flow-col gap-4">
          {data.accounts.map((acc) => (
            <AccountColumn key={acc.id} account={acc} tz={tz} />
          ))}
        </div>
      </div>
    ) : (
      <Alert tone="info">Nobody wrote an account before the reveal.</Alert>
    );
  } else if (tab === "timeline") {
    const timeline = await listTimeline(actor, id, { timeZone: tz });
    content = (
      <div className="space-y-4">
        {timeline.personalTimelines ? <DivergenceList divergences={timeline.merged.divergences} /> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          {timeline.personalTimelines ? (
            <section aria-labelledby="merged-h" className="min-w-0 space-y-3">
              <div>
                <h2 id="merged-h" className="font-semibold">
                  Everyone&apos;s timelines
                </h2>
                <p className="text-xs text-muted">Each responder&apos;s entries, interleaved by time. Marked entries are where accounts differ.</p>
              </div>
              <MergedTimeline reviewId={id} entries={timeline.merged.entries} divergences={timeline.merged.divergences} canContribute={abilities.contribute} />
            </section>
          ) : null}
          <section aria-labelledby="shared-h" className="min-w-0 space-y-3">
            <div>
              <h2 id="shared-h" className="font-semibold">
                Shared timeline
              </h2>
              <p className="text-xs text-muted">The one timeline the group agrees on. Mark detection, diagnosis and repair.</p>
            </div>
            <SharedTimeline reviewId={id} entries={timeline.shared} canContribute={abilities.contribute} canComment={abilities.comment} timeZone={tz} />
          </section>
        </div>
      </div>
    );
  } else if (tab === "narrative") {
    // The narrative stays writable while actions are planned; the server enforces the same rule.
    const writer = review.myRole === "FACILITATOR" || review.myRole === "RESPONDER" || actor.role === "ADMIN";
    content = <NarrativeEditor editable={writer && (review.phase === "GROUP" || review.phase === "ACTION_PLANNING")} />;
  } else if (tab === "findings") {
    const [board, timeline] = await Promise.all([listFindings(actor, id), listTimeline(actor, id, { timeZone: tz })]);
    content = <FindingsBoard reviewId={id} board={board} sharedEntries={timeline.shared} canContribute={abilities.contribute} canComment={abilities.comment} timeZone={tz} />;
  } else {
    content = <AgendaPanel reviewId={id} session={session} />;
  }

  return (
    <SessionShell reviewId={id} me={{ id: actor.id, name: actor.name ?? actor.email }} tab={tab} live={live} header={header} strip={<AgendaStrip session={session} />}>
      {content}
    </SessionShell>
  );
}
