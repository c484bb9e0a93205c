/**
 * The search benchmark's library: `count` published reviews (an incident each, a facilitator,
 * visibility 80% organisation / 15% team / 5% participants, spread over every team) with
 * generated text (search-text.ts, ~3 KB of narrative each) and their search documents — built
 * with the app's own weighting (searchDocumentParts, searchVectorSql) — bulk-inserted in batches
 * straight into the database while no server runs. Then ANALYZE.
 */
import pg from "pg";
import { Prisma } from "../../lib/db/generated/client";
import { rankVectorSql, searchDocumentParts, searchVectorSql } from "../../lib/library/search-document";
import { generateReview } from "./search-text";

const BATCH = 1000;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const CATEGORIES = ["CONTRIBUTING_TECHNICAL", "CONTRIBUTING_HUMAN", "KNOWLEDGE_GAP", "OPERATIONAL_SURPRISE", "WENT_WELL"];
const pad = (i: number) => String(i).padStart(6, "0");

/** `INSERT … SELECT … FROM unnest($1::text[], …)` with a cast per column. */
async function insert(client: pg.Client, table: string, columns: Record<string, { values: unknown[]; as?: string }>, extra: Record<string, string> = {}) {
  const names = Object.keys(columns);
  const selects = names.map((n, i) => (columns[n]!.as ? columns[n]!.as!.replace("$", `t.c${i}`) : `t.c${i}`));
  await client.query(
    `INSERT INTO "${table}" (${[...names, ...Object.keys(extra)].map((n) => `"${n}"`).join(", ")})
     SELECT ${[...selects, ...Object.values(extra)].join(", ")}
     FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS t(${names.map((_, i) => `c${i}`).join(", ")})`,
    names.map((n) => columns[n]!.values),
  );
}

const at = "($::timestamptz AT TIME ZONE 'UTC')";
const arr = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, "")}"`).join(",")}}`;

export type SearchSeed = { reviews: number; seconds: number; narrativeBytes: number; documentBytes: number };

/** Inserts the benchmark library; returns what was written. */
export async function seedSearchLibrary(url: string, count: number, base = new Date()): Promise<SearchSeed> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let narrativeBytes = 0;
  try {
    const teams = (await client.query<{ id: string }>(`SELECT id FROM "Team" ORDER BY slug`)).rows.map((r) => r.id);
    const demo = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email LIKE '%@example.com' ORDER BY email`)).rows.map((r) => r.id);
    if (!teams.length || !demo.length) throw new Error("The demo organisation is missing: start the server with DEBRIEF_DEMO=1 before seeding.");
    // Facilitators: 200 people of their own; a demo user facilitates 1 review in 100.
    const people = Array.from({ length: 200 }, (_, k) => `bench-lib-user-${pad(k)}`);
    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") SELECT id, id || '@bench.example', 'Bench Reviewer ' || ord, now() FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord) ON CONFLICT DO NOTHING`,
      [people],
    );
    const facilitatorOf = (i: number) => (i % 100 === 0 ? demo[(i / 100) % demo.length]! : people[i % people.length]!);
    // The vector expression exactly as the app builds it, over the unnest columns c4..c7.
    const vector = searchVectorSql(Prisma.raw("t.c4"), Prisma.raw("t.c5"), Prisma.raw("t.c6"), Prisma.raw("t.c7")).text;
    const rankVector = rankVectorSql(Prisma.raw("t.c4"), Prisma.raw("t.c5"), Prisma.raw("t.c6")).text;
    for (let from = 1; from <= count; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, count - from + 1) }, (_, k) => from + k);
      const inc: Record<string, string[]> = { id: [], title: [], severity: [], startedAt: [], teamId: [], services: [] };
      const rev: Record<string, string[]> = { id: [], visibility: [], publishedAt: [], summary: [], tags: [] };
      const doc: Record<string, string[]> = { id: [], title: [], summary: [], body: [], a: [], b: [], c: [], d: [], services: [], tags: [], categories: [], team: [], severity: [], published: [], incident: [], visibility: [] };
      const part: Record<string, string[]> = { id: [], reviewId: [], userId: [] };
      for (const i of rows) {
        const g = generateReview(i);
        narrativeBytes += Buffer.byteLength(g.narrative);
        const id = `bench-lib-${pad(i)}`;
        const startedAt = new Date(base.getTime() - (i % 730) * DAY - (i % 97) * 11 * MIN);
        const publishedAt = new Date(startedAt.getTime() + (3 + (i % 20)) * DAY);
        const team = teams[i % teams.length]!;
        const severity = SEVERITIES[(i * 7) % 4]!;
        const categories = CATEGORIES.filter((_, k) => (i >> k) % 2 === 0 || k === 4);
        const p = searchDocumentParts({
          title: g.title,
          incidentTitle: g.title.replace(/^Review: /, ""),
          summary: g.summary,
          impact: null,
          tags: g.tags,
          services: g.services,
          findings: g.findings.map((title, k) => ({ category: categories[k % categories.length]!, title, description: "", noActionReason: null })),
          timeline: g.timeline,
          narrativeText: g.narrative,
        });
        inc.id!.push(`${id}-inc`);
        inc.title!.push(g.title.replace(/^Review: /, ""));
        inc.severity!.push(severity);
        inc.startedAt!.push(startedAt.toISOString());
        inc.teamId!.push(team);
        inc.services!.push(arr(g.services));
        rev.id!.push(id);
        const visibility = i % 20 === 0 ? "PARTICIPANTS" : i % 20 < 4 ? "TEAM" : "ORGANISATION";
        rev.visibility!.push(visibility);
        doc.visibility!.push(visibility);
        rev.publishedAt!.push(publishedAt.toISOString());
        rev.summary!.push(g.summary);
        rev.tags!.push(arr(g.tags));
        part.id!.push(`${id}-fac`);
        part.reviewId!.push(id);
        part.userId!.push(facilitatorOf(i));
        doc.id!.push(id);
        doc.title!.push(g.title);
        doc.summary!.push(g.summary);
        doc.body!.push(p.body);
        doc.a!.push(p.a);
        doc.b!.push(p.b);
        doc.c!.push(p.c);
        doc.d!.push(p.d);
        doc.services!.push(arr(g.services));
        doc.tags!.push(arr(g.tags));
        doc.categories!.push(arr(p.categories));
        doc.team!.push(team);
        doc.severity!.push(severity);
        doc.published!.push(publishedAt.toISOString());
        doc.incident!.push(startedAt.toISOString());
      }
      await client.query("BEGIN");
      await insert(
        client,
        "Incident",
        {
          id: { values: inc.id! },
          title: { values: inc.title! },
          severity: { values: inc.severity!, as: `$::"Severity"` },
          startedAt: { values: inc.startedAt!, as: at },
          teamId: { values: inc.teamId! },
          services: { values: inc.services!, as: "$::text[]" },
        },
        { detectedAt: `(t.c3::timestamptz AT TIME ZONE 'UTC') + interval '6 minutes'`, resolvedAt: `(t.c3::timestamptz AT TIME ZONE 'UTC') + interval '95 minutes'`, updatedAt: "now()" },
      );
      await insert(
        client,
        "Review",
        {
          id: { values: rev.id! },
          incidentId: { values: inc.id! },
          title: { values: doc.title! },
          visibility: { values: rev.visibility!, as: `$::"ReviewVisibility"` },
          publishedAt: { values: rev.publishedAt!, as: at },
          summary: { values: rev.summary! },
          tags: { values: rev.tags!, as: "$::text[]" },
        },
        { phase: `'PUBLISHED'::"ReviewPhase"`, phaseChangedAt: `(t.c4::timestamptz AT TIME ZONE 'UTC')`, sensitiveReviewedAt: `(t.c4::timestamptz AT TIME ZONE 'UTC')`, updatedAt: "now()" },
      );
      await insert(client, "ReviewParticipant", { id: { values: part.id! }, reviewId: { values: part.reviewId! }, userId: { values: part.userId! } }, { role: `'FACILITATOR'::"ParticipantRole"` });
      await client.query(
        `INSERT INTO "ReviewSearchDocument" ("reviewId", title, summary, body, services, tags, categories, "teamId", severity, "publishedAt", "incidentAt", visibility, "updatedAt", search, "rankVector")
         SELECT t.c0, t.c1, t.c2, t.c3, t.c8::text[], t.c9::text[], t.c10::text[], t.c11, t.c12,
                (t.c13::timestamptz AT TIME ZONE 'UTC'), (t.c14::timestamptz AT TIME ZONE 'UTC'), t.c15::"ReviewVisibility", now(), ${vector}, ${rankVector}
         FROM unnest(${Array.from({ length: 16 }, (_, k) => `$${k + 1}::text[]`).join(", ")}) AS t(${Array.from({ length: 16 }, (_, k) => `c${k}`).join(", ")})`,
        [doc.id, doc.title, doc.summary, doc.body, doc.a, doc.b, doc.c, doc.d, doc.services, doc.tags, doc.categories, doc.team, doc.severity, doc.published, doc.incident, doc.visibility],
      );
      await client.query("COMMIT");
    }
    await client.query(`ANALYZE "Incident", "Review", "ReviewParticipant", "ReviewSearchDocument"`);
    const size = await client.query<{ bytes: string }>(`SELECT pg_total_relation_size('"ReviewSearchDocument"') AS bytes`);
    return { reviews: count, seconds: Math.round((performance.now() - started) / 100) / 10, narrativeBytes: Math.round(narrativeBytes / count), documentBytes: Number(size.rows[0]!.bytes) };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
