/**
 * What the REST API returns for independent accounts and notifications (see ../responses.ts for
 * how response schemas are used). The status board's schema has no content or text field by
 * design: the facilitator sees who has written, never what.
 */
import { z } from "zod";
import { ERROR_CODES } from "../../errors";
import { TIMELINE_KINDS } from "../../responder-accounts/personal-timeline";
import { PHASES } from "../../reviews/lifecycle";
import { dateTime, docOutput } from "../wire";

const phase = z.enum(PHASES);
const accountStatus = z.enum(["NOT_STARTED", "DRAFTING", "SUBMITTED"]).describe("NOT_STARTED until the first save, DRAFTING, or SUBMITTED.");

const timelineEntryFields = {
  id: z.string(),
  occurredAt: dateTime,
  timezone: z.string().describe("The IANA time zone the author entered the time in, e.g. Europe/Berlin."),
  description: z.string().describe("Plain text."),
  kind: z.enum(TIMELINE_KINDS),
  evidenceUrl: z.string().nullable().describe("An http(s) link to evidence, e.g. a dashboard or a log search."),
};

export const timelineEntryResponseSchema = z.object({ ...timelineEntryFields, createdAt: dateTime, updatedAt: dateTime });
export const timelineSchema = z.array(timelineEntryResponseSchema);

export const lateAdditionResponseSchema = z.object({ id: z.string(), content: docOutput, createdAt: dateTime });

export const myAccountSchema = z.object({
  reviewId: z.string(),
  reviewTitle: z.string(),
  phase,
  content: docOutput,
  version: z.number().int().describe("Send it back as `baseVersion` with the next save; 0 before the first save."),
  status: accountStatus,
  wordCount: z.number().int(),
  lastEditedAt: dateTime.nullable(),
  submittedAt: dateTime.nullable(),
  deadline: dateTime.nullable().describe("The facilitator's deadline for accounts, if set."),
  prompts: z.array(z.object({ id: z.string(), title: z.string(), hint: z.string() })).describe("Guiding questions, to answer in any order."),
  timeline: timelineSchema.describe("Your personal timeline, oldest first."),
  lateAdditions: z.array(lateAdditionResponseSchema).describe("What you appended after the reveal, oldest first."),
  abilities: z
    .object({ edit: z.boolean(), submit: z.boolean(), reopen: z.boolean(), appendLate: z.boolean() })
    .describe("What you may do with your account now."),
});

export const savedAccountSchema = z.object({
  version: z.number().int().describe("The new version: send it as `baseVersion` with the next save."),
  savedAt: dateTime,
  wordCount: z.number().int(),
});

export const staleAccountErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z
      .object({
        current: z.object({
          version: z.number().int(),
          content: docOutput.nullable(),
          savedAt: dateTime.nullable(),
        }),
      })
      .optional()
      .describe("On a stale save only: the version that is stored now. Nothing was overwritten."),
  }),
});

export const accountListSchema = z.object({
  revealed: z.boolean().describe("Whether the facilitator has revealed the accounts (phase GROUP or later)."),
  anonymised: z.boolean(),
  accounts: z.array(
    z.object({
      id: z.string(),
      author: z
        .object({ id: z.string().nullable(), name: z.string(), label: z.string() })
        .describe(
          "With anonymised accounts, everyone but admins sees `Responder A`, `Responder B`… as the name and no id (your own account excepted). Letters are drawn at random at the reveal, and anonymised accounts come in letter order.",
        ),
      own: z.boolean().describe("Whether you wrote it."),
      status: z.enum(["DRAFTING", "SUBMITTED"]),
      submittedAt: dateTime.nullable(),
      wordCount: z.number().int(),
      content: docOutput,
      timeline: z.array(z.object(timelineEntryFields)),
      lateAdditions: z.array(lateAdditionResponseSchema).describe("Appended after the reveal; show them marked as late."),
    }),
  ),
});

export const accountStatusBoardSchema = z.object({
  phase,
  deadline: dateTime.nullable(),
  anonymise: z.boolean(),
  responders: z.array(
    z.object({
      participantId: z.string(),
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      status: accountStatus,
      lastActivityAt: dateTime.nullable(),
      submittedAt: dateTime.nullable(),
      wordCount: z.number().int(),
      overdue: z.boolean().describe("Past the deadline and not submitted."),
      lastRemindedAt: dateTime.nullable(),
    }),
  ),
  submitted: z.number().int(),
  notSubmitted: z.array(z.string()).describe("Names of responders who have not submitted."),
});

export const accountSettingsSchema = z.object({
  deadline: dateTime.nullable(),
  anonymise: z.boolean(),
  prompts: z.array(z.object({ id: z.string(), title: z.string(), hint: z.string() })),
  defaultPrompts: z.boolean().describe("Whether the prompts are the default set."),
});

export const remindedSchema = z.object({
  reminded: z.array(z.object({ participantId: z.string(), name: z.string() })).describe("The responders who were sent a reminder."),
});

export const notificationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      reviewId: z.string().nullable(),
      type: z.string().describe("e.g. account.requested, account.reminder, accounts.revealed."),
      title: z.string(),
      body: z.string(),
      url: z.string().describe("The app path to go to."),
      readAt: dateTime.nullable(),
      createdAt: dateTime,
    }),
  ),
  unread: z.number().int().describe("How many of your notifications are unread in all."),
});

export const ACCOUNT_RESPONSE_SCHEMA_NAMES: [z.ZodType, string][] = [
  [myAccountSchema, "MyAccount"],
  [savedAccountSchema, "SavedAccount"],
  [staleAccountErrorSchema, "StaleAccountError"],
  [accountListSchema, "AccountList"],
  [accountStatusBoardSchema, "AccountStatusBoard"],
  [timelineEntryResponseSchema, "TimelineEntry"],
  [timelineSchema, "Timeline"],
  [lateAdditionResponseSchema, "LateAddition"],
  [accountSettingsSchema, "AccountSettings"],
  [remindedSchema, "Reminded"],
  [notificationListSchema, "NotificationList"],
];
