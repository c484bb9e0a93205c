import type { ActionResult } from "@/lib/http/action";

/**
 * Any form server action, whatever data it returns on success: for list controls that only need
 * its message. (`prev` is `never` so actions with any result type fit; pass the hook's own state.)
 */
export type AnyFormAction = (prev: never, form: FormData) => Promise<ActionResult<unknown>>;
