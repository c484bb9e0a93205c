import type { Actor } from "../policies/types";
import { can } from "../policies";
import { EMPTY_DOC, type DocNode } from "../editor/doc";
import { db } from "../db/client";
import { loadOwnAccount } from "./account-context";
import { promptsOf } from "./prompts";

export type AccountStatusName = "NOT_STARTED" | "DRAFTING" | "SUBMITTED";

/** The caller's own account in a review (an empty one before the first save). Responders only. */
export async function getMyAccount(actor: Actor, reviewId: string) {
  const { review, account, accountFacts } = await loadOwnAccount(actor, reviewId);
  const [timeline, lateAdditions] = account
    ? await Promise.all([
        db().timelineEntry.findMany({ where: { accountId: account.id }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] }),
        db().accountLateAddition.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } }),
      ])
    : [[], []];
  const status: AccountStatusName = account ? account.status : "NOT_STARTED";
  return {
    reviewId,
    reviewTitle: review.title,
    phase: review.phase,
    content: (account?.content as DocNode | undefined) ?? EMPTY_DOC,
    version: account?.version ?? 0,
    status,
    wordCount: account?.wordCount ?? 0,
    lastEditedAt: account?.lastEditedAt ?? null,
    submittedAt: account?.submittedAt ?? null,
    deadline: review.accountDeadline,
    prompts: promptsOf(review.accountPrompts),
    timeline,
    lateAdditions,
    abilities: {
      edit: can(actor, "account:write", accountFacts) && status !== "SUBMITTED",
      submit: can(actor, "account:write", accountFacts) && status === "DRAFTING",
      reopen: can(actor, "account:write", accountFacts) && status === "SUBMITTED",
      appendLate: can(actor, "account:append-late", accountFacts) && account !== null,
    },
  };
}

export type MyAccount = Awaited<ReturnType<typeof getMyAccount>>;
