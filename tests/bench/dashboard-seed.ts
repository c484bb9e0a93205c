/**
 * A year of a large organisation for the Insights benchmark, written straight into the database
 * with `INSERT … SELECT … FROM generate_series` (no server running): 12 teams, 600 people, and
 * `reviews` published reviews spread over the last 365 days — each with its incident, a
 * facilitator and three responders (most accounts submitted before the reveal), four findings,
 * three agreed actions (most done, with lead times from hours to weeks) and about ten readers.
 * Deterministic: the same `reviews` and `base` give the same data.
 */
import pg from "pg";

export const DASHBOARD_TEAMS = 12;
export const DASHBOARD_PEOPLE = 600;
const PER_TEAM = DASHBOARD_PEOPLE / DASHBOARD_TEAMS;

/** Runs the statements in one transaction, then ANALYZE. Returns the number of rows per table. */
export async function seedDashboard(url: string, reviews: number, base: Date): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const at = base.toISOString();
  const sql = [
    `INSERT INTO "Team" (id, name, slug, "updatedAt")
       SELECT 'bd-team-' || t, 'Bench team ' || t, 'bench-dash-' || t, now() FROM generate_series(1, ${DASHBOARD_TEAMS}) t`,
    `INSERT INTO "User" (id, email, name, "updatedAt", "createdAt")
       SELECT 'bd-user-' || u, 'bench-dash-' || u || '@bench.example', 'Bench Person ' || u, now(), $1::timestamptz - interval '400 days'
       FROM generate_series(1, ${DASHBOARD_PEOPLE}) u`,
    `INSERT INTO "TeamMembership" (id, "teamId", "userId", role)
       SELECT 'bd-member-' || u, 'bd-team-' || (1 + (u - 1) / ${PER_TEAM}), 'bd-user-' || u,
              CASE WHEN u % ${PER_TEAM} = 1 THEN 'PRODUCT_MANAGER'::"TeamRole" ELSE 'MEMBER'::"TeamRole" END
       FROM generate_series(1, ${DASHBOARD_PEOPLE}) u`,
    // Review n: team 1 + n % 12, published (n × 365 / reviews) days before base, resolved 1–20 days before that.
    `CREATE TEMP TABLE bd AS
       SELECT n, 'bd-team-' || (1 + n % ${DASHBOARD_TEAMS}) AS team, 1 + n % ${DASHBOARD_TEAMS} AS t,
              ($1::timestamptz AT TIME ZONE 'UTC') - (n * 365.0 / ${reviews}) * interval '1 day' AS published,
              (1 + (n * 7919) % 20) AS resolve_days
       FROM generate_series(1, ${reviews}) n`,
    `INSERT INTO "Incident" (id, title, severity, "startedAt", "detectedAt", "resolvedAt", services, "teamId", "updatedAt", "createdAt")
       SELECT 'bd-inc-' || n, 'Bench incident ' || n, (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + n % 4]::"Severity",
              published - (resolve_days + 0.2) * interval '1 day', published - (resolve_days + 0.19) * interval '1 day', published - resolve_days * interval '1 day',
              ARRAY['service-' || (n % 40), 'service-' || (n % 17)], team, published, published - (resolve_days + 0.2) * interval '1 day'
       FROM bd`,
    `INSERT INTO "Review" (id, "incidentId", title, phase, visibility, "phaseChangedAt", "publishedAt", "revealedAt", "createdAt", "updatedAt", tags)
       SELECT 'bd-rev-' || n, 'bd-inc-' || n, 'Bench dashboard review ' || n, 'PUBLISHED',
              (CASE WHEN n % 20 = 0 THEN 'PARTICIPANTS' WHEN n % 7 = 0 THEN 'TEAM' ELSE 'ORGANISATION' END)::"ReviewVisibility",
              published, published, published - (resolve_days * 0.5) * interval '1 day', published - resolve_days * interval '1 day', published,
              ARRAY['tag-' || (n % 25)]
       FROM bd`,
    // Facilitator and three responders from the owning team.
    `INSERT INTO "ReviewParticipant" (id, "reviewId", "userId", role)
       SELECT 'bd-part-' || n || '-' || k, 'bd-rev-' || n, 'bd-user-' || ((t - 1) * ${PER_TEAM} + 1 + (n + k * 11) % ${PER_TEAM}),
              (CASE WHEN k = 0 THEN 'FACILITATOR' ELSE 'RESPONDER' END)::"ParticipantRole"
       FROM bd, generate_series(0, 3) k`,
    // 85% of accounts were submitted before the reveal.
    `INSERT INTO "ResponderAccount" (id, "reviewId", "authorId", content, text, status, "submittedAt", "updatedAt")
       SELECT 'bd-acc-' || n || '-' || k, 'bd-rev-' || n, 'bd-user-' || ((t - 1) * ${PER_TEAM} + 1 + (n + k * 11) % ${PER_TEAM}), '{"type":"doc","content":[]}', '', 'SUBMITTED',
              CASE WHEN (n + k) % 7 = 0 THEN published ELSE published - (resolve_days * 0.6) * interval '1 day' END, published
       FROM bd, generate_series(1, 3) k`,
    `INSERT INTO "Finding" (id, "reviewId", category, title, "updatedAt")
       SELECT 'bd-find-' || n || '-' || k, 'bd-rev-' || n,
              (ARRAY['CONTRIBUTING_TECHNICAL','CONTRIBUTING_HUMAN','KNOWLEDGE_GAP','OPERATIONAL_SURPRISE','WENT_WELL'])[1 + (n + k * 3) % 5]::"FindingCategory",
              'Finding ' || k, published
       FROM bd, generate_series(1, 4) k`,
    // Three agreed actions per review; about 70% done, their lead times spread from hours to weeks.
    `INSERT INTO "ActionItem" (id, "reviewId", "teamId", title, description, priority, kind, status, rank, "agreedAt", "closedAt", "dueDate", "updatedAt")
       SELECT 'bd-act-' || n || '-' || k, 'bd-rev-' || n, team, 'Bench action ' || k, '{"type":"doc","content":[]}',
              (ARRAY['HIGH','MEDIUM','LOW'])[1 + (n + k) % 3]::"ActionPriority", (ARRAY['FIX','MITIGATION','DETECTION','PROCESS','LEARNING'])[1 + (n * 3 + k) % 5]::"ActionKind",
              (CASE WHEN (n + k) % 10 < 7 AND done_at < $1::timestamptz AT TIME ZONE 'UTC' THEN 'DONE' WHEN (n + k) % 10 = 9 THEN 'IN_PROGRESS' ELSE 'OPEN' END)::"ActionStatus",
              'a' || lpad(n::text, 6, '0') || k, published,
              CASE WHEN (n + k) % 10 < 7 AND done_at < $1::timestamptz AT TIME ZONE 'UTC' THEN done_at END,
              date_trunc('day', published + interval '14 days'), published
       FROM (SELECT *, published + (2 + (n * 31 + k * 17) % 600) * interval '1 hour' AS done_at FROM bd, generate_series(1, 3) k) x`,
    // About ten readers per review from across the organisation.
    `INSERT INTO "ReviewRead" (id, "reviewId", "userId", "firstAt", "lastAt", count)
       SELECT 'bd-read-' || n || '-' || k, 'bd-rev-' || n, 'bd-user-' || (1 + (n * 37 + k * 61) % ${DASHBOARD_PEOPLE}),
              published + k * interval '3 hours', published + k * interval '3 hours', 1 + k % 3
       FROM bd, generate_series(1, 5 + n % 11) k
       ON CONFLICT DO NOTHING`,
  ];
  try {
    await client.query("BEGIN");
    for (const statement of sql) await client.query(statement, statement.includes("$1") ? [at] : []);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const counts: Record<string, number> = {};
    for (const table of ["Review", "ActionItem", "Finding", "ReviewRead", "ResponderAccount", "User"]) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    }
    return counts;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
