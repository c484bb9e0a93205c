import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ReviewActions } from "@/lib/action-items/list-review-actions";
import { DueDate, PriorityLabel, StatusBadge, SyncState } from "./action-badges";

/**
 * A review's actions on its overview, with their live status (read when the page renders: status,
 * tracker issue and due date as they are now, after publication too) and a link to the Actions page.
 */
export function ReviewActionsSummary({ reviewId, plan }: { reviewId: string; plan: ReviewActions }) {
  const { summary } = plan;
  const open = summary.actions - summary.closed;
  const description =
    summary.actions === 0
      ? plan.phase === "ACTION_PLANNING"
        ? "None planned yet."
        : "No actions were agreed."
      : `${summary.agreed} of ${summary.actions} agreed · ${open} open${summary.overdue ? ` · ${summary.overdue} overdue` : ""}`;
  return (
    <Card>
      <CardHeader
        title="Actions"
        description={description}
        actions={
          <Link href={`/reviews/${reviewId}/actions`} className="text-sm text-accent hover:underline">
            {plan.abilities.plan ? "Plan actions" : "All actions"}
          </Link>
        }
      />
      {plan.actions.length ? (
        <ul className="divide-y divide-border">
          {plan.actions.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1.5 px-5 py-3">
              <div className="min-w-0 flex-1">
                <Link href={`/reviews/${reviewId}/actions#action-${a.id}`} className="text-sm font-medium break-words hover:underline">
                  {a.title}
                </Link>
                <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                  <span>{a.team.name}</span>
                  <span>{a.assignee ? (a.assignee.name ?? a.assignee.email) : "Unassigned"}</span>
                  <PriorityLabel priority={a.priority} />
                  <DueDate date={a.dueDate} overdue={a.overdue} />
                  {a.sync.state !== "LOCAL" || a.sync.externalKey ? <SyncState sync={a.sync} compact /> : null}
                </div>
              </div>
              <div className="flex shrink-0 items-center gap-1.5">
                {a.agreed ? null : <Badge>Proposed</Badge>}
                <StatusBadge status={a.status} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <CardBody>
          <p className="text-sm text-muted">
            {plan.abilities.plan ? "Turn the findings into concrete actions owned by teams." : "Actions agreed in this review will appear here with their live status."}
          </p>
        </CardBody>
      )}
      {summary.unaddressedFindings && plan.phase === "ACTION_PLANNING" ? (
        <CardBody className="border-t border-border text-xs text-warning">
          {summary.unaddressedFindings === 1 ? "1 finding has" : `${summary.unaddressedFindings} findings have`} no action and no “no action needed” decision yet.
        </CardBody>
      ) : null}
    </Card>
  );
}
