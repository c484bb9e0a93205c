/**
 * What the REST API returns for the group session: the merged and shared timeline, findings,
 * comments, the facilitator's controls (see ../responses.ts for how response schemas are used).
 * Personal entries appear in the merged view only, attributed as listAccounts attributes accounts.
 */
import { z } from "zod";
import { COMMENT_TARGETS } from "../../comments/comment-targets";
import { FINDING_CATEGORIES } from "../../findings/categories";
import { TIMELINE_KINDS } from "../../responder-accounts/personal-timeline";
import { PHASES } from "../../reviews/lifecycle";
import { SESSION_ITEM_KINDS } from "../../session/session-items";
import { KEY_MOMENTS } from "../../timeline/shared-entries";
import { dateTime } from "../wire";

const phase = z.enum(PHASES);

export const sessionAbilitiesSchema = z
  .object({
    read: z.boolean(),
    contribute: z.boolean().describe("Change the shared timeline and findings, add to the parking lot (facilitator, responders, admins; during GROUP)."),
    comment: z.boolean(),
    facilitate: z.boolean().describe("Set the agenda step and the timer (facilitator, admins; during GROUP)."),
    prepareQuestions: z.boolean().describe("Prepare questions for the session (facilitator, admins; from PREPARING until the session ends)."),
  })
  .describe("What you may do in the session now.");

export const sharedTimelineEntrySchema = z.object({
  id: z.string(),
  occurredAt: dateTime,
  timezone: z.string(),
  description: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  evidenceUrl: z.string().nullable(),
  keyMoment: z.enum(KEY_MOMENTS).nullable().describe("The moment of the incident it marks, if any."),
  sourceEntryIds: z.array(z.string()).describe("The personal entries it was promoted or merged from (ids of `merged.entries`)."),
  findingIds: z.array(z.string()).describe("The findings it supports."),
  commentCount: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const divergenceSchema = z.object({
  id: z.string().describe("Stable: the agenda's item for it is `divergence:<id>`."),
  kind: z
    .enum(["DESCRIBED_DIFFERENTLY", "SEEN_BY_ONE", "GAP"])
    .describe("DESCRIBED_DIFFERENTLY: one moment, different accounts of it. SEEN_BY_ONE: what one person saw and others, active then, did not. GAP: a long stretch nobody recorded."),
  entryIds: z.array(z.string()),
  from: dateTime,
  to: dateTime,
  authors: z.array(z.string()).describe("As you may see them (`Responder A`… when anonymised)."),
  summary: z.string().describe("In plain words, e.g. “Responder A and Responder B describe 14:05 differently”."),
});

export const timelineViewSchema = z.object({
  reviewId: z.string(),
  phase,
  anonymised: z.boolean(),
  personalTimelines: z.boolean().describe("False for people who read the published review without taking part: they see the shared timeline only."),
  timeZone: z.string().describe("The zone times in summaries are written in (yours, from settings; else UTC)."),
  merged: z.object({
    entries: z.array(
      z.object({
        id: z.string(),
        occurredAt: dateTime,
        timezone: z.string(),
        description: z.string(),
        kind: z.enum(TIMELINE_KINDS),
        evidenceUrl: z.string().nullable(),
        accountId: z.string(),
        author: z.object({ id: z.string().nullable(), name: z.string(), label: z.string() }).describe("With anonymised accounts, `Responder A`… and no id for everyone but admins (and your own entries)."),
        own: z.boolean(),
        divergenceIds: z.array(z.string()),
        promotedTo: z.array(z.string()).describe("Shared entries made from it."),
      }),
    ),
    divergences: z.array(divergenceSchema),
  }),
  shared: z.array(sharedTimelineEntrySchema).describe("The shared timeline, oldest first."),
  abilities: sessionAbilitiesSchema,
});

export const mergedSharedEntriesSchema = z.object({
  entry: sharedTimelineEntrySchema.describe("The entry that remains."),
  mergedEntryIds: z.array(z.string()).describe("The entries merged into it and deleted."),
});

export const findingSchema = z.object({
  id: z.string(),
  category: z.enum(FINDING_CATEGORIES),
  title: z.string(),
  description: z.string(),
  evidenceEntryIds: z.array(z.string()).describe("Shared timeline entries that support it."),
  hints: z
    .array(
      z.object({
        field: z.enum(["title", "description"]),
        ruleId: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        phrase: z.string(),
        explanation: z.string(),
        suggestion: z.string(),
      }),
    )
    .describe("Blameless-language hints (“should have”, “human error”…) in the title and description: an invitation to reword, never a block."),
  commentCount: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const findingsBoardSchema = z.object({
  reviewId: z.string(),
  phase,
  categories: z
    .array(z.object({ category: z.enum(FINDING_CATEGORIES), label: z.string(), hint: z.string(), findings: z.array(findingSchema) }))
    .describe("All five categories, in the board's order, each with its findings oldest first."),
  abilities: sessionAbilitiesSchema,
});

export const commentSchema = z.object({
  id: z.string(),
  targetType: z.enum(COMMENT_TARGETS),
  targetId: z.string(),
  parentId: z.string().nullable().describe("The comment it replies to; null when it starts a thread."),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  body: z.string(),
  mentionedUserIds: z.array(z.string()),
  mine: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const commentListSchema = z.object({ comments: z.array(commentSchema).describe("Oldest first."), abilities: sessionAbilitiesSchema });

export const sessionItemSchema = z.object({
  id: z.string(),
  kind: z.enum(SESSION_ITEM_KINDS),
  text: z.string(),
  done: z.boolean(),
  mine: z.boolean().describe("Whether you added it."),
  createdAt: dateTime,
});

export const sessionViewSchema = z.object({
  reviewId: z.string(),
  phase,
  started: z.boolean().describe("False before the reveal, when the facilitator sees only the questions they prepare."),
  agenda: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      items: z
        .array(z.object({ id: z.string(), title: z.string(), divergenceKind: divergenceSchema.shape.kind, entryIds: z.array(z.string()) }))
        .describe("Under “Explore where perspectives differ”: one item per divergence."),
    }),
  ),
  currentStep: z.string().nullable().describe("The id of the step or item the session is on."),
  timer: z.object({ endsAt: dateTime, remainingSeconds: z.number().int() }).nullable(),
  questions: z.array(sessionItemSchema),
  parkingLot: z.array(sessionItemSchema),
  abilities: sessionAbilitiesSchema,
});

export const SESSION_RESPONSE_SCHEMA_NAMES: [z.ZodType, string][] = [
  [timelineViewSchema, "SessionTimeline"],
  [sharedTimelineEntrySchema, "SharedTimelineEntry"],
  [mergedSharedEntriesSchema, "MergedSharedTimelineEntries"],
  [findingsBoardSchema, "FindingsBoard"],
  [findingSchema, "Finding"],
  [commentListSchema, "CommentList"],
  [commentSchema, "Comment"],
  [sessionViewSchema, "Session"],
  [sessionItemSchema, "SessionItem"],
];
