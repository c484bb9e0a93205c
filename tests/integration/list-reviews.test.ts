import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { Prisma } from "../../lib/db/generated/client";
import { preparedPool } from "../../lib/db/prepared-pool";
import { listPool, listReviews, listReviewsSchema } from "../../lib/reviews/list-reviews";
import { createTeam } from "../../lib/teams/create-team";
import { teamChoices } from "../../lib/teams/list-teams";
import { actorFor, buildCast, buildIncident, buildReview, buildUser, uid } from "../support/factories";

const ids = (r: Awaited<ReturnType<typeof listReviews>>) => r.items.map((i) => i.id);
const base = { limit: 100 } as const;

describe("the reviews list", () => {
  it("filters by mine, my teams, phase and text, and shows each row's facts", async () => {
    const tag = uid();
    const cast = await buildCast("INDEPENDENT");
    await db().review.update({ where: { id: cast.review.id }, data: { title: `Mine ${tag} 100%_done` } });
    const teamOnly = await buildReview({ incidentId: (await buildIncident({ teamId: cast.team.id })).id, title: `Team ${tag}`, phase: "GROUP" });

    const mine = await listReviews(cast.actors.responder, { ...base, filter: "mine", q: tag });
    expect(ids(mine)).toEqual([cast.review.id]);
    expect(mine.items[0]).toMatchObject({
      title: `Mine ${tag} 100%_done`,
      phase: "INDEPENDENT",
      myRole: "RESPONDER",
      participantCount: 3,
      facilitator: { id: cast.users.facilitator.id },
      incident: { id: cast.incident.id, team: { id: cast.team.id } },
    });
    expect(mine.items[0]!.updatedAt).toBeInstanceOf(Date);

    expect(ids(await listReviews(cast.actors.teamMember, { ...base, filter: "teams", q: tag })).sort()).toEqual([cast.review.id, teamOnly.id].sort());
    expect(ids(await listReviews(cast.actors.teamMember, { ...base, filter: "mine", q: tag }))).toEqual([]);
    expect(ids(await listReviews(cast.actors.teamMember, { ...base, filter: "all", q: tag, phase: "GROUP" }))).toEqual([teamOnly.id]);
    // By the incident's team and severity.
    await db().incident.update({ where: { id: cast.incident.id }, data: { severity: "SEV1" } });
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: tag, severity: "SEV1" }))).toEqual([cast.review.id]);
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: tag, severity: "SEV4" }))).toEqual([]);
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: tag, teamId: cast.team.id })).sort()).toEqual([cast.review.id, teamOnly.id].sort());
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: tag, teamId: "no-such-team" }))).toEqual([]);
    expect(listReviewsSchema.safeParse({ severity: "SEV9" }).error?.issues[0]?.message).toBe("The severity is SEV1, SEV2, SEV3 or SEV4.");
    // Words in any order, from the review's title and its incident's.
    const incidentWord = (await db().incident.findUniqueOrThrow({ where: { id: cast.incident.id } })).title.split(/\s+/).at(-1)!;
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: `done   ${tag}` }))).toEqual([cast.review.id]);
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: `${tag} ${incidentWord}` }))).toEqual([cast.review.id]);
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: `${tag} nosuchword` }))).toEqual([]);
    // LIKE wildcards in the search are taken literally.
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: `${tag} 100%_done` }))).toEqual([cast.review.id]);
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: `${tag} 1%` }))).toEqual([]);
    // SQL-looking text is just text.
    expect(ids(await listReviews(cast.actors.admin, { ...base, filter: "all", q: `'; DROP TABLE "Review"; --` }))).toEqual([]);
  });

  it("pages by last activity without repeating or skipping rows", async () => {
    const cast = await buildCast("PREPARING");
    const tag = uid();
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await buildReview({ incidentId: cast.incident.id, title: `Paged ${tag} ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReviews(cast.actors.admin, { filter: "all", q: `Paged ${tag}`, limit: 3, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(made.sort());
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL runs as a prepared statement on its own pool, parsed once per connection", async () => {
    const cast = await buildCast("GROUP");
    const tag = uid();
    await db().review.update({ where: { id: cast.review.id }, data: { title: `Prepared ${tag}` } });
    const pool = listPool();
    expect(pool).toBe(preparedPool({ label: "list", settings: {}, maxShapes: 32 }));
    const shapesBefore = pool.preparedShapes;
    // Six runs of one shape for different actors: PostgreSQL's plan cache may switch to a generic plan after five.
    const actors = [cast.actors.responder, cast.actors.facilitator, cast.actors.teamMember, cast.actors.responder, cast.actors.facilitator, cast.actors.teamMember];
    for (const actor of actors) expect(ids(await listReviews(actor, { filter: "all", q: `Prepared ${tag}`, limit: 25 }))).toEqual([cast.review.id]);
    expect(pool.preparedShapes).toBeGreaterThan(shapesBefore);
    // The runs went one at a time, so they reused one pooled connection; it lists the statement, executed every time.
    const [stats] = await pool.query<{ runs: number }>(
      Prisma.sql`SELECT coalesce(sum(generic_plans + custom_plans), 0)::int AS runs FROM pg_prepared_statements WHERE name LIKE 'list\_%' AND statement LIKE '%ILIKE%'`,
      async () => [],
    );
    expect(stats!.runs).toBeGreaterThanOrEqual(actors.length);
    // Other sessions (Prisma's) never see it.
    const [mine] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'list\_%'`;
    expect(mine!.n).toBe(0);
  });
});

describe("the team filter's choices", () => {
  it("list every team, and a team created in this process at once", async () => {
    const admin = await actorFor((await buildUser({ role: "ADMIN" })).id);
    const before = await teamChoices();
    const created = await createTeam(admin, { name: `Filters ${uid()}` });
    const after = await teamChoices();
    expect(before.map((t) => t.id)).not.toContain(created.id);
    expect(after).toContainEqual({ id: created.id, name: created.name });
  });
});
