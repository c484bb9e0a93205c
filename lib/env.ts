/**
 * The environment, validated with zod once at boot (lib/server/main.ts calls `loadEnv()`).
 * Server code reads `env()`; nothing else reads `process.env` for Debrief's own settings.
 */
import { z } from "zod";

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("localhost"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DEBRIEF_DATA_DIR: z.string().default(".data"),
    /** "1" seeds the demo organisation into an empty database; the embedded default does this unless "0". */
    DEBRIEF_DEMO: z.enum(["0", "1"]).optional(),
    DEBRIEF_ADMIN_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.email().optional()),
    DEBRIEF_ADMIN_PASSWORD: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(12).optional()),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 33)").optional(),
    AUTH_URL: optionalUrl,
    AUTH_OIDC_ISSUER: optionalUrl,
    AUTH_OIDC_CLIENT_ID: optionalString,
    AUTH_OIDC_CLIENT_SECRET: optionalString,
    AUTH_OIDC_NAME: z.string().default("Single sign-on"),
    /** Outgoing mail, e.g. smtp://user:pass@smtp.example.com:587; e-mails are sent only when set. */
    SMTP_URL: optionalUrl,
    EMAIL_FROM: z.string().default("Debrief <debrief@localhost>"),
    /** Public URL used in e-mail links; defaults to AUTH_URL, then http://HOST:PORT. */
    APP_URL: optionalUrl,
    /**
     * Web server processes `npm start` runs on one port (Node's cluster): one per CPU core uses the
     * whole machine. More than one needs REDIS_URL, through which processes share live updates and
     * collaborative documents, as separate instances do.
     */
    DEBRIEF_WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    /** "0" keeps the background worker out of the web process (run `npm run worker` separately). */
    DEBRIEF_WORKER: z.enum(["0", "1"]).default("1"),
    /** Hours between digests of newly published reviews (followers, and teams' chat channels). */
    DEBRIEF_DIGEST_HOURS: z.coerce.number().min(0.01).max(24 * 31).default(24),
    /** Action owners are reminded when an action is due within this many days (and again once it is overdue). */
    DEBRIEF_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(3),
    /** Seconds each viewer's Insights figures are reused before they are computed again (0: always fresh). */
    DEBRIEF_INSIGHTS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** "0" keeps the collaboration server out of the web process (run `npm run collab`, set COLLAB_PUBLIC_URL). */
    DEBRIEF_COLLAB: z.enum(["0", "1"]).default("1"),
    /** Port of the collaboration server when it runs alone (`npm run collab`). */
    COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** The collaboration WebSocket URL as browsers reach it; default ws(s)://<the web app's host>/collab. */
    COLLAB_PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^wss?:\/\/[^\s]+$/, "must be a ws:// or wss:// URL").optional()),
    /** Signs collaboration tokens; defaults to a key derived from AUTH_SECRET. */
    COLLAB_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "must be at least 32 characters").optional()),
    /** redis://… : collaboration instances share documents through Redis (needed for more than one). */
    REDIS_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^rediss?:\/\/[^\s]+$/, "must be a redis:// or rediss:// URL").optional()),
    /** 32 random bytes in base64: encrypts tracker credentials at rest. `npm start` keeps a generated one in the data folder when unset. */
    DEBRIEF_ENCRYPTION_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .refine((v) => Buffer.from(v.trim().replace(/-/g, "+").replace(/_/g, "/"), "base64").length === 32, "must be 32 bytes in base64 (openssl rand -base64 32)")
        .optional(),
    ),
    /** Seconds between the job queue's maintenance passes (expired jobs, jobs of crashed workers). */
    DEBRIEF_JOBS_MONITOR_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    /** Minutes between reconcile passes that re-read synced actions from their trackers (missed webhooks). */
    DEBRIEF_RECONCILE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  });

/** Rules across variables, checked on the raw values so they are reported with any other problem. */
const crossChecks = z
  .object({
    AUTH_OIDC_ISSUER: z.string().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    DEBRIEF_ADMIN_EMAIL: z.string().optional(),
    DEBRIEF_ADMIN_PASSWORD: z.string().optional(),
    DEBRIEF_WEB_PROCESSES: z.string().optional(),
    REDIS_URL: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if (Number(e.DEBRIEF_WEB_PROCESSES) > 1 && !e.REDIS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message: "is required when DEBRIEF_WEB_PROCESSES is above 1 (the processes share live updates and collaborative documents through Redis); set it, or run one process",
      });
    }
    const oidc = [e.AUTH_OIDC_ISSUER, e.AUTH_OIDC_CLIENT_ID, e.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const) {
        if (!e[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when single sign-on is configured" });
      }
    }
    if (Boolean(e.DEBRIEF_ADMIN_EMAIL) !== Boolean(e.DEBRIEF_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: [e.DEBRIEF_ADMIN_EMAIL ? "DEBRIEF_ADMIN_PASSWORD" : "DEBRIEF_ADMIN_EMAIL"],
        message: "DEBRIEF_ADMIN_EMAIL and DEBRIEF_ADMIN_PASSWORD are set together",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment object, throwing an EnvError that names every missing or bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const cross = crossChecks.safeParse(source);
  const issues = [...(result.error?.issues ?? []), ...(cross.error?.issues ?? [])];
  if (issues.length || !result.success) {
    throw new EnvError(issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Re-reads process.env (after boot code or a test changed it). */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

/** True when single sign-on through OpenID Connect is configured. */
export function oidcConfigured(e: Env = env()): boolean {
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET);
}

/** The public base URL for links in e-mails. */
export function appUrl(e: Env = env()): string {
  return (e.APP_URL ?? e.AUTH_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, "");
}
