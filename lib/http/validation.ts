import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";

/** zod issues as field → messages (nested paths joined with "."). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses `input` with `schema`, throwing a VALIDATION_FAILED AppError with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "The input"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const first = Object.entries(fields)[0];
  const summary = first ? ` (${first[0] === "_" ? "" : `${first[0]}: `}${first[1][0]})` : "";
  throw new AppError("VALIDATION_FAILED", `${what} is not valid${summary}.`, { fields });
}
