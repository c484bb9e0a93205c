/**
 * REST API v1 operations of independent accounts (merged into `operations` in ../operations.ts).
 * Every read goes through the use cases in lib/responder-accounts, which apply the independence
 * rule (lib/policies/accounts.ts) where the data is read: before the reveal an account's content
 * reaches its author alone, whoever asks and however.
 */
import { z } from "zod";
import { lateAdditionSchema } from "../../responder-accounts/append-late-addition";
import { configureAccountsSchema } from "../../responder-accounts/configure-accounts";
import { timelineEntrySchema } from "../../responder-accounts/personal-timeline";
import { remindRespondersSchema } from "../../responder-accounts/remind-responders";
import { saveAccountSchema } from "../../responder-accounts/save-my-account";
import { id, isoDateTime, operation, reviewParams } from "../operation";
import {
  accountListSchema,
  accountSettingsSchema,
  accountStatusBoardSchema,
  lateAdditionResponseSchema,
  myAccountSchema,
  remindedSchema,
  savedAccountSchema,
  staleAccountErrorSchema,
  timelineEntryResponseSchema,
  timelineSchema,
} from "../responses/accounts";
import { docInput } from "../wire";

/** saveAccountSchema with the document described for API clients. */
export const apiSaveAccountSchema = saveAccountSchema.safeExtend({ content: docInput });

export const apiLateAdditionSchema = lateAdditionSchema.safeExtend({ content: docInput });

/** timelineEntrySchema with a strict ISO 8601 time (with its zone), and the use case's checks on it. */
export const apiTimelineEntrySchema = timelineEntrySchema.safeExtend({
  occurredAt: z.iso
    .datetime({ offset: true, error: "Give the time as an ISO 8601 date-time with a time zone, e.g. 2026-11-20T14:05:00+01:00." })
    // The use case's own checks (not in the future, not absurdly old); it coerces any input, a string included.
    .pipe(timelineEntrySchema.shape.occurredAt as unknown as z.ZodType<Date, string>)
    .describe("When it happened: an ISO 8601 date-time with its zone; not more than a day ahead of now."),
});

/** configureAccountsSchema with a strict ISO 8601 deadline. */
export const apiConfigureAccountsSchema = configureAccountsSchema.safeExtend({
  deadline: isoDateTime("the deadline").nullable().optional().describe("When accounts are due; null removes the deadline."),
});

const own = "/api/v1/reviews/{id}/accounts/me" as const;
const ownOnly = "Only responders of the review have an account: for anyone else this is 404, like a review they may not see.";
const tag = "Accounts" as const;
const auth = "token-or-session" as const;

export const accountOperations = {
  getMyAccount: operation({
    operationId: "getMyAccount",
    method: "GET",
    path: own,
    tag,
    summary: "Get your own account",
    description: `Your narrative (Tiptap JSON), status, version, prompts, personal timeline and late additions; an empty account before your first save. ${ownOnly}`,
    auth,
    params: reviewParams,
    status: 200,
    response: myAccountSchema,
    responseDescription: "Your account.",
    errors: ["NOT_FOUND"],
  }),
  saveMyAccount: operation({
    operationId: "saveMyAccount",
    method: "PUT",
    path: own,
    tag,
    summary: "Save your account",
    description:
      "Replaces your narrative. `baseVersion` is the version the edit started from (`version` of the last GET or save; 0 for the first save). " +
      "A save based on an older version (another tab or device saved in between) is refused with 409 and the stored version in `error.details.current`, " +
      `never merged or overwritten. During INDEPENDENT, while not submitted. ${ownOnly}`,
    auth,
    params: reviewParams,
    body: apiSaveAccountSchema,
    status: 200,
    response: savedAccountSchema,
    responseDescription: "Saved: the new version.",
    errors: ["NOT_FOUND", "CONFLICT"],
    errorResponses: {
      400: { description: "VALIDATION_FAILED: the document is not valid — too large (over 200 KB), an unsupported node or mark, a link that is not http(s)/mailto, nested too deeply. Nothing was saved." },
      409: {
        description:
          "CONFLICT, nothing saved. A stale save: `error.details.current` is `{ version, content, savedAt }` as stored now — let the author choose, then save again with `baseVersion` = `current.version`. " +
          "Also (without details) when the account is submitted (reopen it first) or the accounts are no longer open (before INDEPENDENT, or revealed: read-only).",
        schema: staleAccountErrorSchema,
      },
    },
  }),
  submitMyAccount: operation({
    operationId: "submitMyAccount",
    method: "POST",
    path: `${own}/submit`,
    tag,
    summary: "Submit your account",
    description: "Tells the facilitator it is ready (they see that, never the content). It can be reopened until the reveal. 409 when empty, already submitted or not in INDEPENDENT.",
    auth,
    params: reviewParams,
    status: 200,
    response: myAccountSchema,
    responseDescription: "Your account, submitted.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  reopenMyAccount: operation({
    operationId: "reopenMyAccount",
    method: "POST",
    path: `${own}/reopen`,
    tag,
    summary: "Reopen your submitted account",
    description: "Back to DRAFTING, to change it again. Until the reveal; 409 when it is not submitted.",
    auth,
    params: reviewParams,
    status: 200,
    response: myAccountSchema,
    responseDescription: "Your account, drafting again.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  listAccounts: operation({
    operationId: "listAccounts",
    method: "GET",
    path: "/api/v1/reviews/{id}/accounts",
    tag,
    summary: "List the accounts you may read",
    description:
      "Before the reveal, only your own (nobody else — facilitator and admins included — reads an account before then). " +
      "After the reveal (phase GROUP), every participant and admins read all of them; with anonymised accounts, authors appear as `Responder A`, `Responder B`… to everyone but admins.",
    auth,
    params: reviewParams,
    status: 200,
    response: accountListSchema,
    responseDescription: "The accounts you may read, in the order they were started.",
    errors: ["NOT_FOUND"],
  }),
  getAccountStatusBoard: operation({
    operationId: "getAccountStatusBoard",
    method: "GET",
    path: "/api/v1/reviews/{id}/accounts/status",
    tag,
    summary: "The facilitator's status board",
    description: "Each responder's status, last activity and word count — never any content. The facilitator and admins, from INDEPENDENT on.",
    auth,
    params: reviewParams,
    status: 200,
    response: accountStatusBoardSchema,
    responseDescription: "Where each responder stands.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  listMyTimeline: operation({
    operationId: "listMyTimeline",
    method: "GET",
    path: `${own}/timeline`,
    tag,
    summary: "List your personal timeline",
    description: ownOnly,
    auth,
    params: reviewParams,
    status: 200,
    response: timelineSchema,
    responseDescription: "Your entries, oldest first.",
    errors: ["NOT_FOUND"],
  }),
  addTimelineEntry: operation({
    operationId: "addTimelineEntry",
    method: "POST",
    path: `${own}/timeline`,
    tag,
    summary: "Add an entry to your personal timeline",
    description: "`occurredAt` is an ISO 8601 date-time with its zone (not in the future); `timezone` the IANA zone you think in (default UTC). During INDEPENDENT, while not submitted.",
    auth,
    params: reviewParams,
    body: apiTimelineEntrySchema,
    status: 201,
    response: timelineEntryResponseSchema,
    responseDescription: "The new entry.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  updateTimelineEntry: operation({
    operationId: "updateTimelineEntry",
    method: "PUT",
    path: `${own}/timeline/{entryId}`,
    tag,
    summary: "Replace an entry of your personal timeline",
    description: "The whole entry, as when adding it (an omitted `evidenceUrl` removes the link). During INDEPENDENT, while not submitted.",
    auth,
    params: z.object({ id: id("review"), entryId: id("timeline entry") }),
    body: apiTimelineEntrySchema,
    status: 200,
    response: timelineEntryResponseSchema,
    responseDescription: "The entry as saved.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  deleteTimelineEntry: operation({
    operationId: "deleteTimelineEntry",
    method: "DELETE",
    path: `${own}/timeline/{entryId}`,
    tag,
    summary: "Delete an entry of your personal timeline",
    description: "During INDEPENDENT, while not submitted.",
    auth,
    params: z.object({ id: id("review"), entryId: id("timeline entry") }),
    status: 204,
    responseDescription: "Deleted.",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  appendLateAddition: operation({
    operationId: "appendLateAddition",
    method: "POST",
    path: `${own}/late-additions`,
    tag,
    summary: "Append a late addition to your account",
    description: "After the reveal your account is read-only; you can append text shown clearly marked as a late addition, until the review is published.",
    auth,
    params: reviewParams,
    body: apiLateAdditionSchema,
    status: 201,
    response: lateAdditionResponseSchema,
    responseDescription: "The late addition.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  configureAccounts: operation({
    operationId: "configureAccounts",
    method: "PATCH",
    path: "/api/v1/reviews/{id}/account-settings",
    tag,
    summary: "Change the accounts' deadline, anonymisation or prompts",
    description: "Send only what changes; `prompts: null` restores the default prompts. The facilitator or an admin, before the reveal.",
    auth,
    params: reviewParams,
    body: apiConfigureAccountsSchema,
    status: 200,
    response: accountSettingsSchema,
    responseDescription: "The settings now.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  remindResponders: operation({
    operationId: "remindResponders",
    method: "POST",
    path: "/api/v1/reviews/{id}/accounts/reminders",
    tag,
    summary: "Remind responders to write their account",
    description:
      "Sends an in-app reminder (never containing account content) to the chosen responders (`participantIds`), by default to everyone who has not submitted. " +
      "The facilitator or an admin, during INDEPENDENT; 409 when everyone chosen has submitted.",
    auth,
    params: reviewParams,
    body: remindRespondersSchema,
    status: 200,
    response: remindedSchema,
    responseDescription: "Who was reminded.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
};
