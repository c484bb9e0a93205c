/**
 * What the REST API returns for improvement actions and team backlogs (see ../responses.ts for how
 * response schemas are used).
 */
import { z } from "zod";
import { ACTION_KINDS, ACTION_PRIORITIES, ACTION_STATUSES, SYNC_STATES } from "../../action-items/action-fields";
import { FINDING_CATEGORIES } from "../../findings/categories";
import { PHASES } from "../../reviews/lifecycle";
import { dateTime, docOutput } from "../wire";

const phase = z.enum(PHASES);
const date = z.string().describe("A calendar date, YYYY-MM-DD.");
const teamRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });
const assignee = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }).nullable();

export const actionAbilitiesSchema = z
  .object({
    edit: z.boolean().describe("Edit title, description, team, kind and findings; agree; delete (the facilitator, responders and admins, during ACTION_PLANNING)."),
    updateProgress: z.boolean().describe("Change status, assignee and due date (planners while planning; after publication the owning team, the assignee and admins)."),
    prioritise: z.boolean().describe("Change the priority (the owning team's product managers and admins; planners while planning)."),
    rank: z.boolean().describe("Move it in the team's backlog (the team's product managers and admins)."),
    push: z.boolean().describe("Push it to the team's tracker (`POST /api/v1/action-items/{id}/push`): the team's product managers, the review's facilitator and admins."),
  })
  .describe("What you may do with this action now.");

export const actionSyncSchema = z
  .object({
    state: z.enum(SYNC_STATES).describe("LOCAL: not in a tracker. PENDING: a push is queued or running. SYNCED: in the tracker. FAILED: the last push or update failed (see `error`)."),
    error: z.string().nullable().describe("Why the last push or update failed, when state is FAILED."),
    lastSyncedAt: dateTime.nullable(),
    provider: z.string().nullable().describe("GITHUB, JIRA, LINEAR or WEBHOOK, once pushed."),
    externalKey: z.string().nullable().describe("The tracker's key, e.g. `PAY-123` or `#42`."),
    externalUrl: z.string().nullable().describe("The issue in the tracker."),
  })
  .describe("Where the action stands with its team's tracker.");

const hint = z.object({
  kind: z.enum(["vague", "wording"]).describe("vague: make the action concrete and checkable. wording: blameless language."),
  ruleId: z.string(),
  phrase: z.string(),
  explanation: z.string(),
  suggestion: z.string(),
});

export const actionSchema = z.object({
  id: z.string(),
  reviewId: z.string(),
  review: z.object({ id: z.string(), title: z.string(), phase }),
  title: z.string(),
  description: docOutput,
  descriptionText: z.string().describe("The description as plain text."),
  team: teamRef.describe("The owning team: the action is in its backlog."),
  assignee,
  priority: z.enum(ACTION_PRIORITIES),
  kind: z.enum(ACTION_KINDS),
  status: z.enum(ACTION_STATUSES),
  dueDate: date.nullable(),
  overdue: z.boolean().describe("Still open and due before today (UTC)."),
  rank: z.string().describe("Its position in the team's backlog: ranks sort as text (byte order)."),
  agreed: z.boolean().describe("Agreed by the group (agreed actions go to the team's tracker); false while it is a proposal."),
  agreedAt: dateTime.nullable().describe("When it was agreed: the start of its lead time."),
  closedAt: dateTime.nullable().describe("When it was done or dropped: the end of its lead time."),
  findingIds: z.array(z.string()).describe("The findings it addresses."),
  sync: actionSyncSchema,
  hints: z.array(hint).describe("Hints on the title — vague wording, blaming language. They never block saving."),
  abilities: actionAbilitiesSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const reviewActionsSchema = z.object({
  reviewId: z.string(),
  title: z.string(),
  phase,
  actions: z.array(actionSchema).describe("Oldest first."),
  findings: z
    .array(
      z.object({
        id: z.string(),
        category: z.enum(FINDING_CATEGORIES),
        categoryLabel: z.string(),
        title: z.string(),
        description: z.string(),
        actionIds: z.array(z.string()).describe("The actions addressing it."),
        needsDecision: z.boolean().describe("False for what went well: it needs no action (though it may have some)."),
        noActionReason: z.string().nullable().describe("Why the group decided it needs no action, if it did."),
        noActionAt: dateTime.nullable(),
        unaddressed: z.boolean().describe("Needs an action or a “no action needed” decision and has neither."),
      }),
    )
    .describe("The review's findings by category, each with its actions or the group's decision that it needs none."),
  summary: z.object({
    actions: z.number().int(),
    agreed: z.number().int(),
    closed: z.number().int(),
    overdue: z.number().int(),
    unaddressedFindings: z.number().int(),
  }),
  abilities: z.object({ read: z.boolean(), plan: z.boolean().describe("Plan actions: the facilitator, responders and admins, during ACTION_PLANNING.") }),
});

export const noActionDecisionSchema = z.object({
  findingId: z.string(),
  noActionReason: z.string().nullable(),
  noActionAt: dateTime.nullable(),
});

export const agreedActionsSchema = z.object({ agreedIds: z.array(z.string()).describe("The actions agreed by this request (those still proposed).") });

export const backlogItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  priority: z.enum(ACTION_PRIORITIES),
  kind: z.enum(ACTION_KINDS),
  status: z.enum(ACTION_STATUSES),
  dueDate: date.nullable(),
  overdue: z.boolean(),
  rank: z.string(),
  agreed: z.boolean(),
  closedAt: dateTime.nullable(),
  review: z.object({ id: z.string(), title: z.string(), phase, visible: z.boolean().describe("Whether you may open the review.") }),
  assignee,
  categories: z.array(z.enum(FINDING_CATEGORIES)).describe("The categories of the findings it addresses."),
  sync: actionSyncSchema,
  abilities: actionAbilitiesSchema,
});

export const backlogPageSchema = z.object({
  team: teamRef,
  items: z.array(backlogItemSchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` (with the same filters) for the next page; null on the last page."),
  abilities: z.object({ rank: z.boolean().describe("Rank the backlog and set priorities (the team's product managers and admins).") }),
});

export const ACTION_RESPONSE_SCHEMA_NAMES: [z.ZodType, string][] = [
  [actionSchema, "ActionItem"],
  [reviewActionsSchema, "ReviewActions"],
  [noActionDecisionSchema, "NoActionDecision"],
  [agreedActionsSchema, "AgreedActions"],
  [backlogPageSchema, "BacklogPage"],
];
