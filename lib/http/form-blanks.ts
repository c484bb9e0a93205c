import { z } from "zod";

/**
 * Browsers post empty strings for blank fields. This treats the named optional fields as missing
 * when left blank, so they become undefined (and defaults apply) instead of failing "at least 2
 * characters" on a field the person left empty on purpose. Required fields keep their empty
 * string, so they get their own "tell us…" message rather than a generic one.
 */
export function blanksAsMissing<S extends z.ZodType>(schema: S, keys: readonly string[]) {
  return z.preprocess((value) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(keys.includes(k) && typeof v === "string" && v.trim() === "")));
  }, schema);
}
