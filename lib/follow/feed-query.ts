/**
 * The filters of a library feed URL (`/feeds/library.atom?team=payments&service=checkout&…`), as
 * the library's filters name them. Each may repeat or hold a comma-separated list.
 */
import { z } from "zod";
import { FINDING_CATEGORIES } from "../findings/categories";
import { SEVERITIES } from "../incidents/create-incident";

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(item).max(20, "At most 20 values per filter."));

export const libraryFeedQuerySchema = z.object({
  team: list(z.string().max(100)).describe("Team slugs."),
  service: list(z.string().max(100)),
  tag: list(z.string().max(100)),
  severity: list(z.enum(SEVERITIES, { error: `severity is one of ${SEVERITIES.join(", ")}.` })),
  category: list(z.enum(FINDING_CATEGORIES, { error: `category is one of ${FINDING_CATEGORIES.join(", ")}.` })),
});

export type LibraryFeedQuery = z.output<typeof libraryFeedQuerySchema>;

/** URLSearchParams as an object; keys that repeat become arrays. The token is not a filter. */
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (key === "token") continue;
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}
