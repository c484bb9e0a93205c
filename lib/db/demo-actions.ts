/**
 * Demo actions: the failover review (ACTION_PLANNING) has findings and actions being planned —
 * two agreed, two proposed (one with a vague title, to show the hint), one finding still without
 * an action; the refund-e-mails review (PUBLISHED) has what a review looks like a month later —
 * actions done, dropped, in progress, overdue, in the tracker and failed to sync, and a finding the
 * group decided needs no action. Together they give Priya (pm@, Payments) a backlog worth ranking.
 * Findings are added only to reviews that have none yet.
 */
import { generateKeyBetween } from "fractional-indexing";
import type { Tx } from "./client";
import { docFromText } from "../editor/doc";

const D = 24 * 3_600_000;

type Category = "CONTRIBUTING_TECHNICAL" | "CONTRIBUTING_HUMAN" | "KNOWLEDGE_GAP" | "OPERATIONAL_SURPRISE" | "WENT_WELL";
type DemoFinding = { category: Category; title: string; description: string; noAction?: string };
type DemoAction = {
  title: string;
  description: string;
  team: "payments" | "platform";
  assignee?: string;
  priority: "HIGH" | "MEDIUM" | "LOW";
  kind: "FIX" | "MITIGATION" | "DETECTION" | "PROCESS" | "LEARNING";
  /** Days from now (negative: in the past). */
  due?: number;
  status?: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO";
  closedDaysAgo?: number;
  agreed: boolean;
  findings: number[];
  sync?: { state: "SYNCED" | "FAILED"; key?: string; error?: string };
};
type DemoPlan = { review: string; findings: DemoFinding[]; actions: DemoAction[] };

const PLANS: DemoPlan[] = [
  {
    review: "Database failover during peak traffic",
    findings: [
      { category: "CONTRIBUTING_TECHNICAL", title: "PgBouncer kept its connections to the old primary for 12 minutes", description: "Nothing told the pooler the primary had moved; connections failed one by one until they timed out." },
      { category: "CONTRIBUTING_HUMAN", title: "The failover runbook assumed a quiet hour, not peak traffic", description: "It was written for planned maintenance windows, so its steps were slow and sequential." },
      { category: "KNOWLEDGE_GAP", title: "Few people knew how to make PgBouncer reconnect", description: "The PAUSE/RESUME commands were in a chat thread from last year." },
      { category: "OPERATIONAL_SURPRISE", title: "The orders service retried writes and doubled the load on the new primary", description: "" },
      { category: "WENT_WELL", title: "The automatic failover itself finished in 40 seconds", description: "" },
    ],
    actions: [
      {
        title: "Drop pooled connections within 30 s of a failover (server_check_query, server_lifetime)",
        description: "Set PgBouncer's server_check_query and a 30-second server_lifetime; verify with a failover in staging.",
        team: "platform",
        assignee: "responder2@example.com",
        priority: "HIGH",
        kind: "FIX",
        due: 10,
        agreed: true,
        findings: [0],
      },
      {
        title: "Add PgBouncer PAUSE/RESUME with the exact commands to the failover runbook",
        description: "One step, copy-pasteable, with how to check that clients reconnected.",
        team: "platform",
        assignee: "facilitator@example.com",
        priority: "MEDIUM",
        kind: "PROCESS",
        due: 7,
        agreed: true,
        findings: [2],
      },
      { title: "Improve monitoring", description: "", team: "platform", priority: "MEDIUM", kind: "DETECTION", agreed: false, findings: [0] },
      {
        title: "Cap the orders service's write retries at 2, with jitter",
        description: "So a failover does not turn into a retry storm on the new primary.",
        team: "payments",
        assignee: "responder1@example.com",
        priority: "HIGH",
        kind: "MITIGATION",
        due: 14,
        agreed: false,
        findings: [3],
      },
    ],
  },
  {
    review: "Refund e-mails sent twice",
    findings: [
      { category: "CONTRIBUTING_TECHNICAL", title: "The notification worker retried the whole batch after a timeout", description: "A timeout on one send re-queued all 500 messages of the batch." },
      { category: "CONTRIBUTING_HUMAN", title: "Nobody owned the notification worker after the reorganisation", description: "" },
      { category: "KNOWLEDGE_GAP", title: "Support could not see which customers got a duplicate", description: "" },
      {
        category: "OPERATIONAL_SURPRISE",
        title: "The e-mail provider's API timed out only for batches above 500",
        description: "",
        noAction: "The provider fixed the timeout on their side (their ticket #4471), and retrying single messages removes our exposure to it.",
      },
      { category: "WENT_WELL", title: "Support's apology macro went out within an hour", description: "" },
    ],
    actions: [
      {
        title: "Retry only the failed message, not the whole batch, in the notification worker",
        description: "Keep per-message state in the batch; re-queue only messages without a provider id.",
        team: "payments",
        assignee: "responder1@example.com",
        priority: "HIGH",
        kind: "FIX",
        due: -5,
        status: "IN_PROGRESS",
        agreed: true,
        findings: [0],
        sync: { state: "SYNCED", key: "PAY-413" },
      },
      {
        title: "Name an owning team for the notification worker in the service catalogue",
        description: "",
        team: "payments",
        assignee: "pm@example.com",
        priority: "MEDIUM",
        kind: "PROCESS",
        due: -10,
        agreed: true,
        findings: [1],
        sync: { state: "FAILED", error: "The tracker refused the issue: issue type “Task” does not exist in project PAY (HTTP 400)." },
      },
      {
        title: "Alert when the notification worker sends more than 1.2× the expected e-mails per hour",
        description: "",
        team: "payments",
        priority: "MEDIUM",
        kind: "DETECTION",
        due: 14,
        agreed: true,
        findings: [0],
      },
      {
        title: "Walk the support team through the refund flow in 30 minutes",
        description: "Where refunds come from, what the e-mails say, and where to look when something repeats.",
        team: "payments",
        assignee: "responder1@example.com",
        priority: "LOW",
        kind: "LEARNING",
        due: 21,
        agreed: true,
        findings: [2],
      },
      {
        title: "Make refund e-mails idempotent with a per-refund send key",
        description: "The provider drops a second send with the same idempotency key.",
        team: "payments",
        assignee: "responder1@example.com",
        priority: "HIGH",
        kind: "FIX",
        due: -20,
        status: "DONE",
        closedDaysAgo: 12,
        agreed: true,
        findings: [0],
        sync: { state: "SYNCED", key: "PAY-412" },
      },
      {
        title: "Add a support dashboard panel listing duplicate refund e-mails by customer",
        description: "",
        team: "payments",
        priority: "LOW",
        kind: "MITIGATION",
        status: "WONT_DO",
        closedDaysAgo: 20,
        agreed: true,
        findings: [2],
      },
    ],
  },
];

/** The backlog order product managers left: open work first, the most urgent on top. */
const ORDER = [
  "Retry only the failed message, not the whole batch, in the notification worker",
  "Drop pooled connections within 30 s of a failover (server_check_query, server_lifetime)",
  "Name an owning team for the notification worker in the service catalogue",
  "Cap the orders service's write retries at 2, with jitter",
  "Add PgBouncer PAUSE/RESUME with the exact commands to the failover runbook",
  "Alert when the notification worker sends more than 1.2× the expected e-mails per hour",
  "Improve monitoring",
  "Walk the support team through the refund flow in 30 minutes",
  "Make refund e-mails idempotent with a per-refund send key",
  "Add a support dashboard panel listing duplicate refund e-mails by customer",
];

const dayOf = (t: number) => new Date(Math.floor(t / D) * D);

/** Adds the demo findings and actions (inside the seed's transaction). */
export async function seedDemoActions(tx: Tx, users: Map<string, string>, teams: Map<string, string>, now: Date): Promise<void> {
  const last = new Map<string, string | null>();
  const rank = (teamId: string) => {
    const key = generateKeyBetween(last.get(teamId) ?? null, null);
    last.set(teamId, key);
    return key;
  };
  const facilitatorId = users.get("facilitator@example.com")!;
  const planned: { plan: DemoPlan; reviewId: string; agreedAt: Date; findingIds: string[] }[] = [];
  for (const plan of PLANS) {
    const review = await tx.review.findFirst({ where: { title: plan.review }, select: { id: true, phaseChangedAt: true } });
    if (!review) continue;
    // Planned just after the review entered action planning (as its activity log tells).
    const entered = await tx.auditEvent.findFirst({ where: { reviewId: review.id, type: "review.phase_changed", data: { path: ["to"], equals: "ACTION_PLANNING" } }, select: { createdAt: true } });
    const at = new Date((entered?.createdAt ?? review.phaseChangedAt).getTime() + 20 * 60_000);
    let findings = await tx.finding.findMany({ where: { reviewId: review.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!findings.length) {
      for (const [i, f] of plan.findings.entries()) {
        await tx.finding.create({
          data: {
            reviewId: review.id,
            category: f.category,
            title: f.title,
            description: f.description,
            createdById: facilitatorId,
            createdAt: new Date(at.getTime() - 60 * 60_000 + i * 60_000),
            noActionReason: f.noAction ?? null,
            noActionAt: f.noAction ? at : null,
          },
        });
      }
      findings = await tx.finding.findMany({ where: { reviewId: review.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
    }
    planned.push({ plan, reviewId: review.id, agreedAt: new Date(at.getTime() + 40 * 60_000), findingIds: findings.map((f) => f.id) });
  }
  const all = planned.flatMap((p) => p.plan.actions.map((a) => ({ ...a, reviewId: p.reviewId, agreedAt: p.agreedAt, findingIds: p.findingIds })));
  all.sort((a, b) => ORDER.indexOf(a.title) - ORDER.indexOf(b.title));
  for (const a of all) {
    const teamId = teams.get(a.team)!;
    const created = await tx.actionItem.create({
      data: {
        reviewId: a.reviewId,
        teamId,
        title: a.title,
        description: a.description ? (docFromText(a.description) as object) : { type: "doc", content: [{ type: "paragraph" }] },
        descriptionText: a.description,
        assigneeId: a.assignee ? users.get(a.assignee)! : null,
        priority: a.priority,
        kind: a.kind,
        dueDate: a.due === undefined ? null : dayOf(now.getTime() + a.due * D),
        status: a.status ?? "OPEN",
        rank: rank(teamId),
        agreedAt: a.agreed ? a.agreedAt : null,
        closedAt: a.closedDaysAgo === undefined ? null : new Date(now.getTime() - a.closedDaysAgo * D),
        createdById: facilitatorId,
        createdAt: new Date(a.agreedAt.getTime() - 30 * 60_000),
        syncState: a.sync?.state ?? "LOCAL",
        syncError: a.sync?.error ?? null,
        externalProvider: a.sync?.key ? "JIRA" : null,
        externalId: a.sync?.key ? `demo-${a.sync.key}` : null,
        externalKey: a.sync?.key ?? null,
        externalUrl: a.sync?.key ? `https://tracker.example.com/browse/${a.sync.key}` : null,
        lastSyncedAt: a.sync ? new Date(now.getTime() - 2 * 3_600_000) : null,
        findings: { create: a.findings.map((i) => a.findingIds[i]).filter((id): id is string => !!id).map((findingId) => ({ findingId })) },
      },
    });
    await tx.auditEvent.create({
      data: { type: "action.created", actorId: facilitatorId, reviewId: a.reviewId, subjectType: "ActionItem", subjectId: created.id, data: { teamId, findingIds: [] }, createdAt: created.createdAt },
    });
    if (a.agreed) {
      await tx.auditEvent.create({
        data: { type: "action.agreed", actorId: facilitatorId, reviewId: a.reviewId, subjectType: "ActionItem", subjectId: created.id, data: { via: "agree-all" }, createdAt: a.agreedAt },
      });
    }
    // The tracker history such an action would have (lib/backlog/sync-events.ts): queued, then created or refused.
    if (a.sync) {
      const last = new Date(now.getTime() - 2 * 3_600_000);
      const events =
        a.sync.state === "SYNCED"
          ? [
              { direction: "OUT", kind: "queued", detail: { by: facilitatorId, retry: false }, createdAt: new Date(last.getTime() - 60_000) },
              { direction: "OUT", kind: "created", detail: { provider: "jira", key: a.sync.key ?? null, url: created.externalUrl }, createdAt: last },
            ]
          : [
              { direction: "OUT", kind: "queued", detail: { by: facilitatorId, retry: false }, createdAt: new Date(last.getTime() - 60_000) },
              { direction: "OUT", kind: "failed", detail: { message: a.sync.error ?? "The tracker refused the issue." }, createdAt: last },
            ];
      await tx.actionSyncEvent.createMany({ data: events.map((e) => ({ ...e, actionId: created.id })) });
    }
  }
}
