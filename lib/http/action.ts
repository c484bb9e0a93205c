/**
 * The one wrapper for server actions used by forms (React's useActionState): gets the actor,
 * parses the form with zod, calls the use case and returns a result the form can show — with
 * field-level messages and the submitted values, so nothing a user typed is lost on an error.
 */
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { currentActor } from "../auth/current-actor";
import { AppError, isAppError, type ErrorCode, type FieldErrors } from "../errors";
import { log } from "../log";
import type { Actor } from "../policies/types";
import { parseInput } from "./validation";

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string; at: number }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors }; values: Record<string, string>; at: number }
  | null;

/** Form data as a plain object; keys that repeat (checkboxes, multi-selects) become arrays. */
export function formDataToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return out;
}

function echo(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && !/password/i.test(k)) values[k] = v;
  return values;
}

/**
 * Builds a server action for a form. `handler` may `redirect()`; its return value reaches the
 * form as `data`, with an optional success message.
 */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: (actor: Actor, input: z.output<S>) => Promise<T>,
  options: { successMessage?: string | ((data: T) => string) } = {},
) {
  return run(schema, async (input) => {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again in another tab, then retry — your input is kept here.");
    return handler(actor, input);
  }, options);
}

/** Like formAction, for the few forms used before signing in (first admin, invitations). */
export function publicFormAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>) => Promise<T>,
  options: { successMessage?: string | ((data: T) => string) } = {},
) {
  return run(schema, handler, options);
}

function run<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>) => Promise<T>,
  options: { successMessage?: string | ((data: T) => string) },
) {
  return async (_prev: ActionResult<T>, form: FormData): Promise<ActionResult<T>> => {
    try {
      const input = parseInput(schema, formDataToObject(form), "The form");
      const data = await handler(input);
      const message = typeof options.successMessage === "function" ? options.successMessage(data) : options.successMessage;
      return { ok: true, data, message, at: Date.now() };
    } catch (e) {
      unstable_rethrow(e);
      if (isAppError(e)) {
        const error = e.toJSON();
        // The fields carry the details; the form-level message only points at them.
        if (e.code === "VALIDATION_FAILED" && e.fields) {
          const n = Object.keys(e.fields).length;
          error.message = n === 1 ? "One field needs your attention." : `${n} fields need your attention.`;
        }
        return { ok: false, error, values: echo(form), at: Date.now() };
      }
      log.error({ err: e }, "unhandled error in server action");
      return {
        ok: false,
        error: { code: "INTERNAL", message: "Something went wrong on our side and was logged. Your input is kept; please try again." },
        values: echo(form),
        at: Date.now(),
      };
    }
  };
}

/** The shape of a form's server action, for components that receive one. */
export type FormActionFn<T> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
