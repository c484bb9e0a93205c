import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { FINDING_CATEGORIES, type FindingCategoryName } from "../findings/categories";
import { actionAbilities, authorize, can } from "../policies";
import type { Actor, ParticipantRole, ReviewPhase, ReviewVisibility } from "../policies/types";
import { visibleReviewsSql } from "../reviews/review-scope-sql";
import { findTeam } from "../teams/get-team";
import { ACTION_PRIORITIES, ACTION_STATUSES, dueDateText, startOfDayUtc, type ActionKindName, type ActionPriorityName, type ActionStatusName, type SyncStateName } from "./action-fields";
import { syncView } from "./action-view";

export const BACKLOG_ORDERS = ["rank", "overdue-first"] as const;
/** `active` (open and in progress, the default) or `all`, or a comma-separated list of statuses. */
const STATUS_FILTER = /^(?:active|all|(?:OPEN|IN_PROGRESS|DONE|WONT_DO)(?:,(?:OPEN|IN_PROGRESS|DONE|WONT_DO))*)$/;

export const listBacklogSchema = z.object({
  status: z
    .string()
    .regex(STATUS_FILTER, "The status filter is active, all, or statuses separated by commas (OPEN, IN_PROGRESS, DONE, WONT_DO).")
    .default("active")
    .describe("`active` (OPEN and IN_PROGRESS; the default), `all`, or statuses separated by commas, e.g. `DONE,WONT_DO`."),
  overdue: z.enum(["true", "false"], { error: "overdue is true or false." }).optional().describe("`true`: only open actions due before today (UTC)."),
  reviewId: z.string().trim().min(1).max(100).optional().describe("Only actions from this review."),
  category: z.enum(FINDING_CATEGORIES, { error: `The category is one of ${FINDING_CATEGORIES.join(", ")}.` }).optional().describe("Only actions addressing a finding of this category."),
  priority: z.enum(ACTION_PRIORITIES, { error: "The priority is HIGH, MEDIUM or LOW." }).optional(),
  order: z.enum(BACKLOG_ORDERS, { error: "The order is rank or overdue-first." }).default("rank").describe("`rank` (the team's order) or `overdue-first` (overdue actions first, each group in rank order)."),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(100).default(50),
});
export type ListBacklogInput = z.output<typeof listBacklogSchema>;

type Row = {
  id: string;
  title: string;
  priority: ActionPriorityName;
  kind: ActionKindName;
  status: ActionStatusName;
  dueDate: Date | null;
  rank: string;
  agreedAt: Date | null;
  closedAt: Date | null;
  syncState: SyncStateName;
  syncError: string | null;
  lastSyncedAt: Date | null;
  externalProvider: string | null;
  externalKey: string | null;
  externalUrl: string | null;
  reviewId: string;
  reviewTitle: string;
  reviewPhase: ReviewPhase;
  reviewVisibility: ReviewVisibility;
  reviewTeamId: string;
  reviewVisible: boolean;
  myRole: ParticipantRole | null;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  categories: FindingCategoryName[];
  late: number;
};

type Cursor = { r: string; i: string; o?: number };

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decode(cursor: string, order: ListBacklogInput["order"]): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    if (typeof c.r === "string" && typeof c.i === "string" && (order === "rank" || c.o === 0 || c.o === 1)) return c;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", "The page cursor is not valid.", { fields: { cursor: ["Start again from the first page."] } });
}

/** The team by id or slug, when the actor may read its backlog (members and admins; 403 for others, 404 for no such team). */
export async function loadBacklogTeam(actor: Actor, idOrSlug: string) {
  const team = await findTeam(idOrSlug);
  if (!team) throw AppError.notFound("Team");
  authorize(actor, "backlog:read", team, { message: `The backlog of ${team.name} is for its members and admins.` });
  return team;
}

/**
 * A team's backlog: its actions from every review, in rank order (or overdue first), filtered,
 * 50 to a page by default. The hot page of product managers, so one SQL query per page, keyset-
 * paginated on (rank, id) along the ("teamId", rank) index, however many actions the team has.
 * Each item says whether the actor may open its review (`review.visible`) and what they may do.
 */
export async function listBacklog(actor: Actor, teamIdOrSlug: string, input: ListBacklogInput, now = new Date()) {
  const team = await loadBacklogTeam(actor, teamIdOrSlug);
  const today = startOfDayUtc(now);
  const after = input.cursor ? decode(input.cursor, input.order) : null;
  const late = Prisma.sql`(CASE WHEN a."dueDate" < ${today} AND a.status IN ('OPEN', 'IN_PROGRESS') THEN 0 ELSE 1 END)`;
  const conditions: Prisma.Sql[] = [Prisma.sql`a."teamId" = ${team.id}`];
  const statuses = input.status === "all" ? null : input.status === "active" ? ["OPEN", "IN_PROGRESS"] : [...new Set(input.status.split(","))];
  // Typed as the enum (not compared as text), so the planner uses the column's statistics and walks the rank index.
  if (statuses) conditions.push(Prisma.sql`a.status = ANY(${statuses}::"ActionStatus"[])`);
  if (input.overdue === "true") conditions.push(Prisma.sql`${late} = 0`);
  if (input.reviewId) conditions.push(Prisma.sql`a."reviewId" = ${input.reviewId}`);
  if (input.priority) conditions.push(Prisma.sql`a.priority = ${input.priority}::"ActionPriority"`);
  if (input.category) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ActionFinding" af JOIN "Finding" f ON f.id = af."findingId" WHERE af."actionId" = a.id AND f.category = ${input.category}::"FindingCategory")`);
  }
  if (after) {
    conditions.push(
      input.order === "rank"
        ? Prisma.sql`(a.rank, a.id) > (${after.r}, ${after.i})`
        : Prisma.sql`(${late}, a.rank, a.id) > (${after.o}::int, ${after.r}, ${after.i})`,
    );
  }
  const orderBy = input.order === "rank" ? Prisma.sql`a.rank, a.id` : Prisma.sql`${late}, a.rank, a.id`;
  // The page is chosen from the actions alone (along the ("teamId", rank) index), then joined: joins cost 50 rows, not the backlog.
  const rows = await db().$queryRaw<Row[]>`
    SELECT a.id, a.title, a.priority::text AS priority, a.kind::text AS kind, a.status::text AS status, a."dueDate", a.rank,
           a."agreedAt", a."closedAt", a."syncState"::text AS "syncState", a."syncError", a."lastSyncedAt",
           a."externalProvider"::text AS "externalProvider", a."externalKey", a."externalUrl",
           r.id AS "reviewId", r.title AS "reviewTitle", r.phase::text AS "reviewPhase", r.visibility::text AS "reviewVisibility",
           i."teamId" AS "reviewTeamId", ${visibleReviewsSql(actor)} AS "reviewVisible", me.role::text AS "myRole",
           u.id AS "assigneeId", u.name AS "assigneeName", u.email AS "assigneeEmail",
           ARRAY(SELECT DISTINCT f.category::text FROM "ActionFinding" af JOIN "Finding" f ON f.id = af."findingId" WHERE af."actionId" = a.id) AS categories,
           p.late
    FROM (
      SELECT a.id, a.rank, ${late} AS late FROM "ActionItem" a
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${orderBy}
      LIMIT ${input.limit + 1}
    ) p
    JOIN "ActionItem" a ON a.id = p.id
    JOIN "Review" r ON r.id = a."reviewId"
    JOIN "Incident" i ON i.id = r."incidentId"
    LEFT JOIN "ReviewParticipant" me ON me."reviewId" = r.id AND me."userId" = ${actor.id}
    LEFT JOIN "User" u ON u.id = a."assigneeId"
    ORDER BY ${input.order === "rank" ? Prisma.sql`p.rank, p.id` : Prisma.sql`p.late, p.rank, p.id`}`;
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    team,
    items: page.map((r) => {
      const facts = { phase: r.reviewPhase, visibility: r.reviewVisibility, teamId: r.reviewTeamId, myRole: r.myRole, actionTeamId: team.id, isAssignee: r.assigneeId === actor.id };
      const dueDate = r.dueDate ? new Date(r.dueDate) : null;
      return {
        id: r.id,
        title: r.title,
        priority: r.priority,
        kind: r.kind,
        status: r.status,
        dueDate: dueDateText(dueDate),
        overdue: Number(r.late) === 0,
        rank: r.rank,
        agreed: r.agreedAt !== null,
        closedAt: r.closedAt ? new Date(r.closedAt) : null,
        review: { id: r.reviewId, title: r.reviewTitle, phase: r.reviewPhase, visible: Boolean(r.reviewVisible) },
        assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName, email: r.assigneeEmail! } : null,
        categories: r.categories,
        sync: syncView({ ...r, lastSyncedAt: r.lastSyncedAt ? new Date(r.lastSyncedAt) : null }),
        abilities: actionAbilities(actor, facts),
      };
    }),
    nextCursor: rows.length > input.limit && last ? encode({ r: last.rank, i: last.id, ...(input.order === "rank" ? {} : { o: Number(last.late) }) }) : null,
    abilities: { rank: can(actor, "backlog:rank", team) },
  };
}

export type Backlog = Awaited<ReturnType<typeof listBacklog>>;
export type BacklogItem = Backlog["items"][number];

/** Statuses as the status filter names them. */
export const STATUS_FILTERS = ["active", "all", ...ACTION_STATUSES] as const;
