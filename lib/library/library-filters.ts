import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL } from "../findings/categories";
import type { Actor } from "../policies/types";
import { cachedForReader } from "./library-cache";
import { visibleDocumentsFrom, visibleDocumentsWhere } from "./library-sql";
import { SEVERITIES } from "./search-library";

const MAX_VALUES = 100;

/**
 * The values the library's filters offer this reader: teams, services and tags that occur in
 * published reviews they may read (most frequent first), finding categories and severities.
 * Cached per reader until the library changes (library-cache.ts): it reads every document.
 */
export async function libraryFilterOptions(actor: Actor) {
  return cachedForReader(actor, "filters", () => computeFilterOptions(actor));
}

async function computeFilterOptions(actor: Actor) {
  const from = visibleDocumentsFrom();
  const where = Prisma.join(visibleDocumentsWhere(actor), " AND ");
  const [teams, services, tags, total] = await Promise.all([
    db().$queryRaw<{ slug: string; name: string; n: bigint }[]>`
      SELECT t.slug, t.name, count(*) AS n FROM ${from} WHERE ${where} GROUP BY t.slug, t.name ORDER BY t.name`,
    db().$queryRaw<{ value: string; n: bigint }[]>`
      SELECT s AS value, count(*) AS n FROM ${from} CROSS JOIN LATERAL unnest(d.services) s WHERE ${where} GROUP BY s ORDER BY n DESC, s LIMIT ${MAX_VALUES}`,
    db().$queryRaw<{ value: string; n: bigint }[]>`
      SELECT s AS value, count(*) AS n FROM ${from} CROSS JOIN LATERAL unnest(d.tags) s WHERE ${where} GROUP BY s ORDER BY n DESC, s LIMIT ${MAX_VALUES}`,
    db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${from} WHERE ${where}`,
  ]);
  return {
    total: Number(total[0]?.n ?? 0),
    teams: teams.map((t) => ({ slug: t.slug, name: t.name, count: Number(t.n) })),
    services: services.map((s) => ({ value: s.value, count: Number(s.n) })).sort((a, b) => a.value.localeCompare(b.value)),
    tags: tags.map((s) => ({ value: s.value, count: Number(s.n) })).sort((a, b) => a.value.localeCompare(b.value)),
    categories: FINDING_CATEGORIES.map((c) => ({ value: c, label: FINDING_CATEGORY_LABEL[c] })),
    severities: [...SEVERITIES],
  };
}

export type LibraryFilterOptions = Awaited<ReturnType<typeof computeFilterOptions>>;
