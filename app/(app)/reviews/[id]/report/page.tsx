import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, FileDown, FileText } from "lucide-react";
import { DocView } from "@/components/editor/doc-view";
import { RelatedReviews } from "@/components/library/related-reviews";
import { zoneName } from "@/components/report/clock-time";
import { PrintButton } from "@/components/report/print-button";
import { ReportActions } from "@/components/report/report-actions";
import { ReportFindings } from "@/components/report/report-findings";
import { ReportClosing, ReportHeader } from "@/components/report/report-header";
import { ReportSection } from "@/components/report/report-section";
import { KeyMoments, ReportTimeline } from "@/components/report/report-timeline";
import { Alert } from "@/components/ui/alert";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getReport } from "@/lib/library/get-report";
import { relatedReviews } from "@/lib/library/related-reviews";
import { ReviewReaders } from "@/components/follow/review-readers";
import { recordRead } from "@/lib/follow/record-read";
import "./print.css";

async function load(id: string) {
  const actor = await requireActor(`/reviews/${id}/report`);
  try {
    return { actor, report: await getReport(actor, id) };
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "CONFLICT")) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  try {
    return { title: (await load((await params).id)).report.title };
  } catch {
    return { title: "Report" };
  }
}

const SECTIONS = [
  ["timeline", "Timeline"],
  ["narrative", "Narrative"],
  ["findings", "Findings"],
  ["actions", "Actions"],
  ["people", "Participants"],
] as const;

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, report } = await load(id);
  const related = report.published ? await relatedReviews(actor, id) : [];
  if (report.published) await recordRead(actor, id);
  const first = report.timeline[0]?.occurredAt;

  return (
    <div className="report-print">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/reviews/${id}`} className="inline-flex items-center gap-1.5 text-sm text-muted hover:text-foreground">
          <ArrowLeft aria-hidden className="size-4" /> Review overview
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/v1/reviews/${id}/export?format=md`} download className={buttonClass("secondary", "sm")}>
            <FileText aria-hidden className="size-4" /> Markdown
          </a>
          <a href={`/api/v1/reviews/${id}/export?format=pdf`} download className={buttonClass("secondary", "sm")}>
            <FileDown aria-hidden className="size-4" /> PDF
          </a>
          <PrintButton />
        </div>
      </div>
      {!report.published ? (
        <Alert className="mb-6 print:hidden" title="A preview for the people in the review">
          This is how the report will read once published.{" "}
          {report.abilities.edit ? (
            <Link href={`/reviews/${id}/publish`} className="font-medium text-accent hover:underline">
              Prepare the publication
            </Link>
          ) : (
            "The facilitator publishes it after action planning."
          )}
        </Alert>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem] print:block">
        <article className="min-w-0 space-y-8">
          <ReportHeader report={report} />
          <ReportSection id="timeline" title="Timeline" aside={first ? <>Times in {await zoneName(first)}</> : null}>
            <KeyMoments report={report} />
            <ReportTimeline report={report} />
          </ReportSection>
          <ReportSection id="narrative" title="Narrative">
            <DocView doc={report.narrative} className="prose-doc max-w-prose" />
          </ReportSection>
          <ReportSection id="findings" title="Findings" aside="Contributing factors, knowledge gaps, surprises and what went well">
            <ReportFindings report={report} />
          </ReportSection>
          <ReportSection id="actions" title="Actions" aside="Live status from the owning teams' backlogs">
            <ReportActions report={report} />
          </ReportSection>
          <ReportSection id="people" title="Participants">
            <ReportClosing report={report} />
          </ReportSection>
        </article>

        <aside className="space-y-8 print:hidden">
          <nav aria-label="On this page" className="hidden lg:block">
            <h2 className="text-sm font-semibold">On this page</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {SECTIONS.map(([anchor, label]) => (
                <li key={anchor}>
                  <a href={`#${anchor}`} className="text-muted hover:text-foreground">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {report.published ? <RelatedReviews items={related} /> : null}
          {report.published ? <ReviewReaders actor={actor} reviewId={id} /> : null}
          {report.published && report.abilities.edit ? (
            <ButtonLink href={`/reviews/${id}/publish`} variant="secondary" size="sm">
              Edit summary, tags or audience
            </ButtonLink>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
