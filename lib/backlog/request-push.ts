/**
 * "Push to tracker" for one action (and "retry" after a failure): marks it PENDING with a history
 * entry and an audit event in one transaction — the outbox — and lets the relay send the job. An
 * action already in the tracker gets its current title, priority, due date and status sent again.
 */
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/types";
import { toReviewFacts } from "../reviews/review-scope";
import { kickRelay } from "./relay";
import { API_NAME_OF } from "./settings";
import { recordSyncEvent } from "./sync-events";
import { syncView } from "./sync-view";

export async function requestPush(actor: Actor, actionId: string) {
  const action = await db().actionItem.findUnique({
    where: { id: actionId },
    include: {
      review: { select: { id: true, phase: true, visibility: true, incident: { select: { teamId: true } }, participants: { select: { userId: true, role: true } } } },
      team: { select: { backlogConnection: { select: { provider: true } } } },
    },
  });
  if (!action) throw AppError.notFound("Action");
  const facts = toReviewFacts(action.review, actor);
  const sees = can(actor, "review:view", facts) || action.teamId in actor.teams || action.assigneeId === actor.id;
  authorize(actor, "action:push", { teamId: action.teamId, myReviewRole: facts.myRole }, sees ? { message: "Only the team's product managers, the review's facilitator and admins push actions to the tracker." } : { notFound: "Action" });
  if (!action.agreedAt) throw new AppError("CONFLICT", "Agree the action before pushing it to the tracker.");
  const connection = action.team.backlogConnection;
  if (!connection) throw new AppError("CONFLICT", "The action's team has no tracker connected.");
  if (action.syncState === "PENDING") {
    kickRelay();
    return syncView(action);
  }
  const updated = await db().$transaction(async (tx) => {
    const row = await tx.actionItem.update({ where: { id: actionId }, data: { syncState: "PENDING", syncError: null } });
    await recordSyncEvent(tx, actionId, "OUT", "queued", { by: actor.id, retry: action.syncState === "FAILED" });
    await recordAuditEvent(tx, {
      type: "backlog.push_requested",
      actorId: actor.id,
      subjectId: actionId,
      reviewId: action.reviewId,
      data: { teamId: action.teamId, provider: API_NAME_OF[connection.provider], retry: action.syncState === "FAILED" },
    });
    return row;
  });
  kickRelay();
  return syncView(updated);
}
