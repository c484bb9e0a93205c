/**
 * The one interface every tracker integration implements (GitHub Issues, Jira, Linear, a generic
 * webhook). Debrief's push, sync and reconcile code talks to `BacklogProvider` only; each
 * implementation maps Debrief's action to the tracker's issue and back, and turns the tracker's
 * failures into a `ProviderError` whose kind decides what happens next (stop, retry, wait).
 */
import type { DocNode } from "../editor/doc";

export type ProviderName = "GITHUB" | "JIRA" | "LINEAR" | "WEBHOOK";
export type ActionStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO";
export type ActionPriority = "HIGH" | "MEDIUM" | "LOW";

/** Where an action lives in the tracker. Stored on the action as externalId / externalKey / externalUrl. */
export type IssueRef = { externalId: string; key: string; url: string };

/** What Debrief sends for one action. */
export type IssueInput = {
  actionId: string;
  title: string;
  /** Tiptap JSON; converted to Markdown (GitHub, Linear) or Atlassian Document Format (Jira). */
  description: DocNode;
  priority: ActionPriority;
  kind: string;
  status: ActionStatus;
  /** YYYY-MM-DD, or null. */
  dueDate: string | null;
  review: { title: string; url: string };
};

/** Someone in the tracker, as much as it tells: matched to a Debrief user by e-mail where possible. */
export type ExternalPerson = { email?: string | null; login?: string | null; name?: string | null };

/** The issue as the tracker has it now (for reconcile and updates). */
export type IssueSnapshot = {
  ref: IssueRef;
  title: string;
  status: ActionStatus;
  assignee: ExternalPerson | null;
  /** YYYY-MM-DD, null when none; undefined when this tracker has no due date Debrief can read. */
  dueDate?: string | null;
};

/** One change an inbound webhook reports. Fields left undefined did not change. */
export type WebhookChange = {
  externalId: string;
  /** From the idempotency marker in the issue body, when the payload carries it. */
  actionId?: string;
  status?: ActionStatus;
  assignee?: ExternalPerson | null;
  dueDate?: string | null;
};

export type ParsedWebhook = { deliveryId: string | null; changes: WebhookChange[] };

export interface BacklogProvider {
  readonly name: ProviderName;
  /** Whether the tracker calls back (inbound webhooks) and can be read for reconcile. */
  readonly twoWay: boolean;
  /** Checks the credentials and the configured project; resolves with a sentence, throws ProviderError. */
  testConnection(): Promise<string>;
  /**
   * The issue carrying this action's idempotency marker, if one exists. `deep` also looks where a
   * search index may not have caught up yet (used when an earlier attempt may have created it).
   */
  findByMarker(actionId: string, options?: { deep?: boolean }): Promise<IssueRef | null>;
  /**
   * For an OPEN action this must be a single creating request, so a rate-limited failure means
   * nothing was created and the gate may send it again (lib/backlog/rate-gate.ts).
   */
  createIssue(input: IssueInput): Promise<IssueRef>;
  /** Title, priority, due date and status. */
  updateIssue(ref: IssueRef, input: IssueInput): Promise<void>;
  getIssue(ref: IssueRef): Promise<IssueSnapshot>;
  /**
   * Verifies an inbound webhook against the connection's secret and normalises it. Throws
   * WebhookRejected (401 bad signature, 400 malformed) — nothing is stored then.
   */
  parseWebhook(headers: Headers, rawBody: Buffer, secret: string): ParsedWebhook;
}

export type ProviderErrorKind = "unauthorized" | "forbidden" | "not-found" | "invalid" | "rate-limited" | "unavailable";

/**
 * A tracker failure in Debrief's words. `unavailable` (5xx, network, timeout) and `rate-limited`
 * are worth retrying; the others stop and show their message on the action.
 */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = "ProviderError";
  }

  get retryable(): boolean {
    return this.kind === "unavailable" || this.kind === "rate-limited";
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

/** An inbound webhook Debrief refuses: answered with `status`, nothing stored. */
export class WebhookRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413,
    message: string,
  ) {
    super(message);
    this.name = "WebhookRejected";
  }
}

/** The idempotency marker embedded in every issue Debrief creates. */
export function markerFor(actionId: string): string {
  return `debrief-action:${actionId}`;
}

const MARKER = /debrief-action:([a-z0-9_-]{6,64})/i;

/** The action id in a marker found in `text`, if any. */
export function actionIdFromMarker(text: string | null | undefined): string | undefined {
  return text ? MARKER.exec(text)?.[1] : undefined;
}

/** A Date as the tracker's YYYY-MM-DD (UTC). */
export function isoDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
