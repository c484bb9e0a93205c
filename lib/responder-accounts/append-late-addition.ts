import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { docSchema, docText, type DocNode } from "../editor/doc";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { loadOwnAccount } from "./account-context";

export const lateAdditionSchema = z.object({ content: docSchema });

/** After the reveal the account is read-only; its author may append clearly marked late additions. */
export async function appendLateAddition(actor: Actor, reviewId: string, input: z.output<typeof lateAdditionSchema>) {
  const { account, accountFacts } = await loadOwnAccount(actor, reviewId);
  authorize(actor, "account:append-late", accountFacts, {
    message: accountFacts.phase === "PUBLISHED" ? "The review is published; accounts can no longer change." : "Late additions open after the facilitator reveals the accounts.",
  });
  if (!account) throw new AppError("CONFLICT", "You did not write an account before the reveal, so there is nothing to add to.");
  const text = docText(input.content as DocNode);
  if (!text) throw new AppError("VALIDATION_FAILED", "The late addition is empty.", { fields: { content: ["Write something to add."] } });
  return db().$transaction(async (tx) => {
    const addition = await tx.accountLateAddition.create({ data: { accountId: account.id, content: input.content as object, text } });
    await recordAuditEvent(tx, { type: "account.late_addition", actorId: actor.id, reviewId, subjectId: account.id, data: {} });
    return addition;
  });
}
