/**
 * Seeds a team backlog of BACKLOG_ACTIONS actions for the backlog benchmark, in bulk (a few
 * INSERT … SELECT FROM unnest statements): Payments gets one incident with 250 published reviews,
 * each with two findings and 20 actions in every status and priority — some overdue, some in a
 * tracker, most assigned — ranked after whatever the demo already put in the backlog.
 */
import { generateNKeysBetween } from "fractional-indexing";
import pg from "pg";

export const BACKLOG_ACTIONS = 5000;
export const BENCH_ACTION = "Bench action";
const REVIEWS = 250;
const CATEGORIES = ["CONTRIBUTING_TECHNICAL", "CONTRIBUTING_HUMAN", "KNOWLEDGE_GAP", "OPERATIONAL_SURPRISE", "WENT_WELL"];
const STATUSES = ["OPEN", "OPEN", "OPEN", "IN_PROGRESS", "OPEN", "IN_PROGRESS", "DONE", "OPEN", "DONE", "WONT_DO"];
const PRIORITIES = ["HIGH", "MEDIUM", "MEDIUM", "LOW"];
const KINDS = ["FIX", "MITIGATION", "DETECTION", "PROCESS", "LEARNING"];
const WHAT = [
  "alert when consumer lag exceeds 100k messages for 5 minutes",
  "add the retry budget to the checkout client",
  "document the refund replay procedure in the runbook",
  "page the payments on-call when provider errors pass 2%",
  "rehearse the certificate rotation in staging every quarter",
];

export type BacklogSeed = { teamId: string; teamSlug: string; reviewCount: number; actions: number; deepCursor: string; deepTitle: string };

const D = 86_400_000;

/** Seeds the backlog into the database at `url` (the demo organisation must be there). */
export async function seedBacklog(url: string, now = new Date()): Promise<BacklogSeed> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const team = (await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Team" WHERE slug = 'payments'`)).rows[0];
    if (!team) throw new Error("The demo organisation has no Payments team: the backlog bench needs it.");
    const users = (await client.query<{ id: string }>(`SELECT id FROM "User" ORDER BY email`)).rows.map((r) => r.id);
    const last = (await client.query<{ rank: string | null }>(`SELECT max(rank) AS rank FROM "ActionItem" WHERE "teamId" = $1`, [team.id])).rows[0]?.rank ?? null;
    await client.query("BEGIN");
    const incidentId = "bench-backlog-incident";
    await client.query(
      `INSERT INTO "Incident" (id, title, severity, "startedAt", "detectedAt", "resolvedAt", services, "teamId", "updatedAt")
       VALUES ($1, 'Bench backlog incident', 'SEV3', $2, $2, $2, '{checkout-api}', $3, now())`,
      [incidentId, new Date(now.getTime() - 90 * D), team.id],
    );
    const reviewIds = Array.from({ length: REVIEWS }, (_, i) => `bench-backlog-review-${i}`);
    await client.query(
      `INSERT INTO "Review" (id, "incidentId", title, phase, visibility, "publishedAt", "createdAt", "updatedAt", "phaseChangedAt")
       SELECT id, $2, 'Bench backlog review ' || n, 'PUBLISHED', 'ORGANISATION', $3, $3, $3, $3
       FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n)`,
      [reviewIds, incidentId, new Date(now.getTime() - 60 * D)],
    );
    const findingIds = reviewIds.flatMap((r) => [`${r}-f0`, `${r}-f1`]);
    await client.query(
      `INSERT INTO "Finding" (id, "reviewId", category, title, "updatedAt")
       SELECT id, "reviewId", category::"FindingCategory", 'Bench finding ' || id, now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, "reviewId", category)`,
      [findingIds, findingIds.map((f) => f.replace(/-f\d$/, "")), findingIds.map((_, i) => CATEGORIES[i % CATEGORIES.length]!)],
    );
    const ranks = generateNKeysBetween(last, null, BACKLOG_ACTIONS);
    const rows = Array.from({ length: BACKLOG_ACTIONS }, (_, i) => {
      const status = STATUSES[i % STATUSES.length]!;
      const synced = i % 3 === 0;
      const due = i % 4 === 3 ? null : new Date(Math.floor((now.getTime() + ((i % 61) - 20) * D) / D) * D);
      return {
        id: `bench-action-${i}`,
        reviewId: reviewIds[Math.floor(i / (BACKLOG_ACTIONS / REVIEWS))]!,
        title: `${BENCH_ACTION} ${i + 1}: ${WHAT[i % WHAT.length]}`,
        assigneeId: i % 5 === 4 ? null : users[i % users.length]!,
        priority: PRIORITIES[i % PRIORITIES.length]!,
        kind: KINDS[i % KINDS.length]!,
        status,
        dueDate: due,
        closedAt: status === "DONE" || status === "WONT_DO" ? new Date(now.getTime() - (i % 30) * D) : null,
        syncState: synced ? "SYNCED" : i % 50 === 1 ? "FAILED" : "LOCAL",
        externalKey: synced ? `PAY-${1000 + i}` : null,
      };
    });
    await client.query(
      `INSERT INTO "ActionItem" (id, "reviewId", "teamId", title, description, "descriptionText", "assigneeId", priority, kind, status, "dueDate", rank,
                                 "agreedAt", "closedAt", "syncState", "syncError", "externalProvider", "externalId", "externalKey", "externalUrl", "lastSyncedAt", "updatedAt")
       SELECT t.id, t."reviewId", $2, t.title, '{"type":"doc","content":[{"type":"paragraph"}]}'::jsonb, '', t."assigneeId", t.priority::"ActionPriority", t.kind::"ActionKind",
              t.status::"ActionStatus", t."dueDate", t.rank, $3::timestamp, t."closedAt", t."syncState"::"SyncState",
              CASE WHEN t."syncState" = 'FAILED' THEN 'The tracker answered 403: the token cannot create issues.' END,
              CASE WHEN t."externalKey" IS NOT NULL THEN 'JIRA'::"BacklogProvider" END, t."externalKey", t."externalKey",
              CASE WHEN t."externalKey" IS NOT NULL THEN 'https://tracker.example.com/browse/' || t."externalKey" END,
              CASE WHEN t."externalKey" IS NOT NULL THEN $3::timestamp END, now()
       FROM unnest($1::jsonb[]) AS j(row),
            jsonb_to_record(j.row) AS t(id text, "reviewId" text, title text, "assigneeId" text, priority text, kind text, status text, "dueDate" timestamp, rank text, "closedAt" timestamp, "syncState" text, "externalKey" text)`,
      [rows.map((r, i) => JSON.stringify({ ...r, rank: ranks[i] })), team.id, new Date(now.getTime() - 59 * D)],
    );
    await client.query(
      `INSERT INTO "ActionFinding" ("actionId", "findingId") SELECT a, f FROM unnest($1::text[], $2::text[]) AS t(a, f)`,
      [rows.map((r) => r.id), rows.map((r, i) => `${r.reviewId}-f${i % 2}`)],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "ActionItem"; ANALYZE "ActionFinding"; ANALYZE "Review"; ANALYZE "Finding"`);
    // A page deep in the backlog: its cursor is where the active action halfway down ends a page.
    const active = rows.map((r, i) => ({ ...r, rank: ranks[i]! })).filter((r) => r.status === "OPEN" || r.status === "IN_PROGRESS");
    const at = active[Math.floor(active.length / 2)]!;
    return {
      teamId: team.id,
      teamSlug: team.slug,
      reviewCount: REVIEWS,
      actions: BACKLOG_ACTIONS,
      deepCursor: Buffer.from(JSON.stringify({ r: at.rank, i: at.id })).toString("base64url"),
      deepTitle: active[Math.floor(active.length / 2) + 1]!.title,
    };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
