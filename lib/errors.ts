/**
 * One error type for everything a user or API client may see. Use cases throw AppError; the
 * route and action wrappers in lib/http map it once, through HTTP_STATUS, to a response.
 */
export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Field name → messages, as shown beside form fields and returned in API errors. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Extra, safe-to-show data for the client, e.g. the current version on a stale save. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options?: { fields?: FieldErrors; details?: Record<string, unknown>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
    this.details = options?.details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }

  /** The same 404 for "does not exist" and "you may not see it", so ids cannot be probed. */
  static notFound(what: string): AppError {
    return new AppError("NOT_FOUND", `${what} not found.`);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
