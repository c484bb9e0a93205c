/**
 * Bulk data for the benchmarks, on top of the demo organisation the server seeds: extra teams and
 * people, and reviews numbered `from`..`to` (one incident each) spread over teams, phases and
 * visibilities. facilitator@example.com takes part in about 70% of them, so "Mine" is long.
 * Review i was last updated i × 37 minutes before `base`, so adding reviews later only adds
 * history behind the first pages. Inserted with one `INSERT … SELECT unnest(…)` per table.
 */
import pg from "pg";

export const BENCH_TITLE = "Bench review";
const BENCH_USERS = 24;
const BENCH_TEAMS = ["Checkout", "Identity", "Data", "Mobile", "Edge"];
const PHASES = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"] as const;
const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const WHAT = ["latency spike", "failed deploy", "certificate expiry", "queue backlog", "DNS outage", "disk full", "bad config push"];
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const pad = (i: number) => String(i).padStart(5, "0");
const userId = (i: number) => `bench-user-${pad(i)}`;

type Cast = { facilitator: string; others: string[]; teams: string[] };

type Column = { values: unknown[]; /** How a `text` element becomes the column's type. */ as?: (v: string) => string };
const text = (values: unknown[]): Column => ({ values });
const utc = (values: Date[]): Column => ({ values: values.map((d) => d.toISOString()), as: (v) => `(${v}::timestamptz AT TIME ZONE 'UTC')` });
const typed = (type: string) => (values: unknown[]): Column => ({ values, as: (v) => `${v}::${type}` });

async function insert(client: pg.Client, table: string, columns: Record<string, Column>) {
  const names = Object.keys(columns);
  const params = names.map((n, i) => `p${i}`);
  const selects = names.map((n, i) => columns[n]!.as?.(params[i]!) ?? params[i]!);
  await client.query(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")})
     SELECT ${selects.join(", ")} FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS t(${params.join(", ")})`,
    names.map((n) => columns[n]!.values),
  );
}

/** Adds the bench teams and people (once) and returns who and what reviews are spread over. */
async function ensureCast(client: pg.Client): Promise<Cast> {
  const exists = await client.query(`SELECT 1 FROM "User" WHERE id = $1`, [userId(1)]);
  if (exists.rowCount === 0) {
    const users = Array.from({ length: BENCH_USERS }, (_, k) => k + 1);
    await insert(client, "User", {
      id: text(users.map(userId)),
      email: text(users.map((i) => `bench-${i}@bench.example`)),
      name: text(users.map((i) => `Bench Person ${i}`)),
      updatedAt: utc(users.map(() => new Date())),
    });
    const teams = BENCH_TEAMS.map((_, k) => `bench-team-${k + 1}`);
    await insert(client, "Team", {
      id: text(teams),
      name: text(BENCH_TEAMS),
      slug: text(BENCH_TEAMS.map((n) => `bench-${n.toLowerCase()}`)),
      updatedAt: utc(teams.map(() => new Date())),
    });
    await insert(client, "TeamMembership", {
      id: text(users.map((i) => `bench-member-${pad(i)}`)),
      teamId: text(users.map((i) => teams[i % teams.length])),
      userId: text(users.map(userId)),
    });
  }
  const demo = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM "User" WHERE email LIKE '%@example.com' AND email NOT IN ('admin@example.com', 'pm@example.com') ORDER BY email`,
  );
  const facilitator = demo.rows.find((r) => r.email === "facilitator@example.com")?.id;
  if (!facilitator) throw new Error("The demo organisation is missing: start the server with DEBRIEF_DEMO=1 before seeding.");
  const others = [...demo.rows.filter((r) => r.id !== facilitator).map((r) => r.id), ...Array.from({ length: BENCH_USERS }, (_, k) => userId(k + 1))];
  const teams = (await client.query<{ id: string }>(`SELECT id FROM "Team" ORDER BY slug`)).rows.map((r) => r.id);
  return { facilitator, others, teams };
}

/** Inserts reviews `from`..`to` (1-based, inclusive) and their incidents and participants, then ANALYZEs. */
export async function seedReviews(url: string, from: number, to: number, base: Date): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const cast = await ensureCast(client);
    const inc = { id: [] as string[], title: [] as string[], severity: [] as string[], startedAt: [] as Date[], teamId: [] as string[], services: [] as string[] };
    const rev = { id: [] as string[], title: [] as string[], phase: [] as string[], visibility: [] as string[], updatedAt: [] as Date[] };
    const part = { id: [] as string[], reviewId: [] as string[], userId: [] as string[], role: [] as string[] };
    const addPart = (reviewId: string, user: string, role: string) => {
      part.id.push(`${reviewId}-p${part.id.length}`);
      part.reviewId.push(reviewId);
      part.userId.push(user);
      part.role.push(role);
    };
    for (let i = from; i <= to; i++) {
      const updatedAt = new Date(base.getTime() - i * 37 * MIN);
      const what = WHAT[i % WHAT.length]!;
      const reviewId = `bench-rev-${pad(i)}`;
      inc.id.push(`bench-inc-${pad(i)}`);
      inc.title.push(`Bench incident ${i}: ${what}`);
      inc.severity.push(SEVERITIES[i % SEVERITIES.length]!);
      inc.startedAt.push(new Date(updatedAt.getTime() - 3 * DAY));
      inc.teamId.push(cast.teams[i % cast.teams.length]!);
      inc.services.push(`{svc-${i % 11},edge-${i % 3}}`);
      rev.id.push(reviewId);
      rev.title.push(`${BENCH_TITLE} ${i}: ${what}`);
      rev.phase.push(PHASES[i % PHASES.length]!);
      rev.visibility.push(i % 10 < 6 ? "ORGANISATION" : i % 10 < 8 ? "TEAM" : "PARTICIPANTS");
      rev.updatedAt.push(updatedAt);
      // facilitator@example.com facilitates half, and responds to or observes a further 20%.
      const lead = i % 2 === 0 ? cast.facilitator : cast.others[i % cast.others.length]!;
      addPart(reviewId, lead, "FACILITATOR");
      if (lead !== cast.facilitator && i % 5 === 1) addPart(reviewId, cast.facilitator, "RESPONDER");
      if (lead !== cast.facilitator && i % 5 === 3) addPart(reviewId, cast.facilitator, "OBSERVER");
      for (let k = 1; k <= 2 + (i % 3); k++) {
        const user = cast.others[(i + k * 7) % cast.others.length]!;
        if (user !== lead) addPart(reviewId, user, k === 4 ? "OBSERVER" : "RESPONDER");
      }
    }
    const shift = (dates: Date[], ms: number) => dates.map((d) => new Date(d.getTime() + ms));
    await insert(client, "Incident", {
      id: text(inc.id),
      title: text(inc.title),
      severity: typed(`"Severity"`)(inc.severity),
      startedAt: utc(inc.startedAt),
      detectedAt: utc(shift(inc.startedAt, 6 * MIN)),
      resolvedAt: utc(shift(inc.startedAt, 95 * MIN)),
      services: typed("text[]")(inc.services),
      teamId: text(inc.teamId),
      updatedAt: utc(inc.startedAt),
    });
    await insert(client, "Review", {
      id: text(rev.id),
      incidentId: text(inc.id),
      title: text(rev.title),
      phase: typed(`"ReviewPhase"`)(rev.phase),
      visibility: typed(`"ReviewVisibility"`)(rev.visibility),
      phaseChangedAt: utc(rev.updatedAt),
      createdAt: utc(shift(inc.startedAt, DAY)),
      updatedAt: utc(rev.updatedAt),
      publishedAt: { ...utc(rev.updatedAt), values: rev.updatedAt.map((d, k) => (rev.phase[k] === "PUBLISHED" ? d.toISOString() : null)) },
    });
    await insert(client, "ReviewParticipant", {
      id: text(part.id),
      reviewId: text(part.reviewId),
      userId: text(part.userId),
      role: typed(`"ParticipantRole"`)(part.role),
    });
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
