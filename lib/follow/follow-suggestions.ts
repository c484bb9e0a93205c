/** What there is to follow: the services and tags of published reviews the actor may see (most used first). */
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/types";
import { visibleReviewsSql } from "../reviews/review-scope-sql";

export async function followSuggestions(actor: Actor): Promise<{ services: string[]; tags: string[] }> {
  const rows = await db().$queryRaw<{ kind: "service" | "tag"; value: string }[]>(Prisma.sql`
    WITH v AS (
      SELECT i.services, r.tags FROM "Review" r JOIN "Incident" i ON i.id = r."incidentId"
      LEFT JOIN "ReviewParticipant" me ON me."reviewId" = r.id AND me."userId" = ${actor.id}
      WHERE r.phase = 'PUBLISHED' AND ${visibleReviewsSql(actor)}
    )
    (SELECT 'service' AS kind, lower(s) AS value FROM v, unnest(v.services) s GROUP BY 2 ORDER BY count(*) DESC, 2 LIMIT 100)
    UNION ALL
    (SELECT 'tag' AS kind, lower(t) AS value FROM v, unnest(v.tags) t GROUP BY 2 ORDER BY count(*) DESC, 2 LIMIT 100)`);
  return { services: rows.filter((r) => r.kind === "service").map((r) => r.value), tags: rows.filter((r) => r.kind === "tag").map((r) => r.value) };
}
