import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { assertMayWrite, loadOwnAccount } from "./account-context";

/** Submits the author's account: the facilitator sees it as ready (never its content). */
export async function submitMyAccount(actor: Actor, reviewId: string) {
  const { account, accountFacts } = await loadOwnAccount(actor, reviewId);
  assertMayWrite(actor, accountFacts);
  if (!account || account.wordCount === 0) throw new AppError("CONFLICT", "Write something before submitting: your account is empty.");
  if (account.status === "SUBMITTED") throw new AppError("CONFLICT", "Your account is already submitted.");
  return db().$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.responderAccount.updateMany({ where: { id: account.id, status: "DRAFTING" }, data: { status: "SUBMITTED", submittedAt: now } });
    if (moved.count !== 1) throw new AppError("CONFLICT", "Your account is already submitted.");
    await recordAuditEvent(tx, { type: "account.submitted", actorId: actor.id, reviewId, subjectId: account.id, data: {} });
    return { status: "SUBMITTED" as const, submittedAt: now };
  });
}

/** Reopens a submitted account for editing, until the reveal. */
export async function reopenMyAccount(actor: Actor, reviewId: string) {
  const { account, accountFacts } = await loadOwnAccount(actor, reviewId);
  assertMayWrite(actor, accountFacts);
  if (!account || account.status !== "SUBMITTED") throw new AppError("CONFLICT", "Your account is not submitted, so there is nothing to reopen.");
  return db().$transaction(async (tx) => {
    await tx.responderAccount.update({ where: { id: account.id }, data: { status: "DRAFTING", submittedAt: null } });
    await recordAuditEvent(tx, { type: "account.reopened", actorId: actor.id, reviewId, subjectId: account.id, data: {} });
    return { status: "DRAFTING" as const };
  });
}
