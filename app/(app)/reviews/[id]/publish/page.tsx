import Link from "next/link";
import { notFound } from "next/navigation";
import { Eye } from "lucide-react";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PublishChecklist } from "@/components/report/publish-checklist";
import { PublishForm } from "@/components/report/publish-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getPublishState } from "@/lib/library/get-publish-state";
import { publishFormAction } from "./actions";

export const metadata = { title: "Publish the review" };

async function load(id: string) {
  const actor = await requireActor(`/reviews/${id}/publish`);
  try {
    return { state: await getPublishState(actor, id), refusal: null };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "CONFLICT")) return { state: null, refusal: e.message };
    throw e;
  }
}

export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { state, refusal } = await load(id);
  if (!state) {
    return (
      <>
        <PageHeader title="Publish the review" />
        <Alert tone="error" title="You cannot publish this review now">
          {refusal}{" "}
          <Link href={`/reviews/${id}`} className="font-medium text-accent hover:underline">
            Back to the review
          </Link>
        </Alert>
      </>
    );
  }
  const published = state.phase === "PUBLISHED";
  const open = state.checklist.filter((i) => !i.met).length;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/reviews/${id}`} className="inline-flex items-center gap-2 hover:text-foreground hover:underline">
            <SeverityBadge severity={state.incident.severity} /> {state.title}
          </Link>
        }
        title={published ? "Edit the published report" : "Publish the review"}
        description={
          published
            ? "Correct the summary, impact, tags or audience. The library is updated as soon as you save."
            : "Publishing shares what the group learned: a clean report in the library, readable by the audience you choose. Findings, timeline and narrative become read-only; actions keep their live status."
        }
        actions={
          <ButtonLink href={`/reviews/${id}/report`} variant="secondary">
            <Eye aria-hidden className="size-4" /> {published ? "Open the report" : "Preview the report"}
          </ButtonLink>
        }
      />
      {published && state.publishedAt ? (
        <Alert tone="success" className="mb-6" title="Published">
          Published <Time date={state.publishedAt} />.
        </Alert>
      ) : open ? (
        <Alert className="mb-6" title={`${open} ${open === 1 ? "item" : "items"} left before publishing`}>
          {state.ready
            ? "The content is ready: write the summary and confirm the sensitive-content check below, then publish."
            : "Some of the review's content is missing. Each item on the checklist links to where it is fixed."}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-8">
        {published ? null : (
          <div className="lg:col-start-2 lg:row-start-1">
            <div className="lg:sticky lg:top-6">
              <PublishChecklist items={state.checklist} />
            </div>
          </div>
        )}
        <div className="rounded-lg border border-border bg-surface p-5 sm:p-6 lg:col-start-1 lg:row-start-1">
          <PublishForm action={publishFormAction} reviewId={id} details={state.details} published={published} />
        </div>
      </div>
    </>
  );
}
