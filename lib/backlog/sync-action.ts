/**
 * Sends one PENDING action to its team's tracker — the body of a `backlog.sync` job. Without an
 * issue yet it pushes, exactly once: it first looks for an issue carrying the action's marker (an
 * earlier attempt may have created it and died before storing the key) and adopts it; only then
 * does it create. With an issue it sends the action's title, priority, due date and status.
 *
 * The result tells the job what to do: `retry` (5xx, network: pg-boss retries with backoff),
 * `rate-limited` (reschedule for when the tracker said), or done — synced, skipped, or failed for
 * good (4xx: the reason is on the action, and "push" again retries).
 */
import { db } from "../db/client";
import { log } from "../log";
import { providerFor } from "./connection";
import { EncryptionKeyError } from "./crypto";
import { issueInputOf } from "./issue-input";
import { isProviderError, type IssueRef } from "./provider";
import { API_NAME_OF } from "./settings";
import { recordSyncEvent } from "./sync-events";
import { afterCreateHook } from "./test-hooks";

export type SyncOutcome =
  | { kind: "synced"; how: "created" | "found-existing" | "updated"; key: string }
  | { kind: "skipped"; reason: string }
  | { kind: "failed"; message: string }
  | { kind: "retry"; message: string }
  | { kind: "rate-limited"; waitMs: number; message: string };

export type SyncOptions = { deep?: boolean; attempt?: number; finalAttempt?: boolean };

const actionInclude = { review: { select: { id: true, title: true } }, team: { select: { backlogConnection: true } } } as const;

export async function syncAction(actionId: string, options: SyncOptions = {}): Promise<SyncOutcome> {
  const action = await db().actionItem.findUnique({ where: { id: actionId }, include: actionInclude });
  if (!action) return { kind: "skipped", reason: "The action no longer exists." };
  if (action.syncState !== "PENDING") return { kind: "skipped", reason: `The action is ${action.syncState.toLowerCase()}, not pending.` };
  const connection = action.team.backlogConnection;
  if (!connection) return fail(actionId, "The team has no tracker connected.");
  const seen = action.updatedAt;
  // An issue in another tracker (the team switched) is not this tracker's: push anew.
  const ref: IssueRef | null =
    action.externalId && action.externalProvider === connection.provider ? { externalId: action.externalId, key: action.externalKey ?? action.externalId, url: action.externalUrl ?? "" } : null;

  try {
    const provider = providerFor(connection);
    const input = issueInputOf(action);
    if (ref) {
      await provider.updateIssue(ref, input);
      return await stored(actionId, seen, "updated", ref, connection.provider);
    }
    const existing = await provider.findByMarker(actionId, { deep: options.deep });
    if (existing) return await stored(actionId, seen, "found-existing", existing, connection.provider);
    const created = await provider.createIssue(input);
    afterCreateHook(actionId);
    return await stored(actionId, seen, "created", created, connection.provider);
  } catch (e) {
    if (e instanceof EncryptionKeyError) return fail(actionId, e.message);
    if (!isProviderError(e)) {
      log.error({ err: e, actionId }, "tracker sync failed unexpectedly");
      return options.finalAttempt ? fail(actionId, "Sending to the tracker failed unexpectedly; it was logged.") : { kind: "retry", message: "unexpected error" };
    }
    if (e.kind === "rate-limited") {
      const waitMs = Math.max(1_000, e.retryAfterMs ?? 60_000);
      await note(actionId, `Waiting for the tracker's rate limit (until ${new Date(Date.now() + waitMs).toISOString().slice(11, 19)} UTC).`);
      return { kind: "rate-limited", waitMs, message: e.message };
    }
    if (e.kind === "unavailable") {
      if (options.finalAttempt) return fail(actionId, `${e.message.replace(/; Debrief will retry\.$/, ".")} Debrief gave up after ${(options.attempt ?? 0) + 1} attempts: push again to retry.`);
      await db().$transaction(async (tx) => {
        await tx.actionItem.updateMany({ where: { id: actionId, syncState: "PENDING" }, data: { syncError: `Retrying: ${e.message}` } });
        await recordSyncEvent(tx, actionId, "OUT", "retrying", { attempt: (options.attempt ?? 0) + 1, message: e.message });
      });
      return { kind: "retry", message: e.message };
    }
    return fail(actionId, e.message, e.status);
  }
}

/** Stores the issue on the action: SYNCED, unless the action changed meanwhile (then it stays PENDING for an update). */
async function stored(actionId: string, seen: Date, how: "created" | "found-existing" | "updated", ref: IssueRef, provider: keyof typeof API_NAME_OF): Promise<SyncOutcome> {
  const now = new Date();
  const fields = { externalProvider: provider, externalId: ref.externalId, externalKey: ref.key, externalUrl: ref.url, lastSyncedAt: now, syncError: null };
  await db().$transaction(async (tx) => {
    const synced = await tx.actionItem.updateMany({ where: { id: actionId, updatedAt: seen, syncState: "PENDING" }, data: { ...fields, syncState: "SYNCED" } });
    if (!synced.count) await tx.actionItem.updateMany({ where: { id: actionId }, data: fields });
    await recordSyncEvent(tx, actionId, "OUT", how, { provider: API_NAME_OF[provider], key: ref.key, url: ref.url });
  });
  return { kind: "synced", how, key: ref.key };
}

async function note(actionId: string, message: string): Promise<void> {
  await db().actionItem.updateMany({ where: { id: actionId, syncState: "PENDING" }, data: { syncError: message } });
}

/** Marks a PENDING action FAILED with the reason shown on it (and a history entry). */
export function markSyncFailed(actionId: string, message: string): Promise<SyncOutcome> {
  return fail(actionId, message);
}

async function fail(actionId: string, message: string, status?: number): Promise<SyncOutcome> {
  await db().$transaction(async (tx) => {
    const failed = await tx.actionItem.updateMany({ where: { id: actionId, syncState: "PENDING" }, data: { syncState: "FAILED", syncError: message } });
    if (failed.count) await recordSyncEvent(tx, actionId, "OUT", "failed", { message, ...(status ? { status } : {}) });
  });
  return { kind: "failed", message };
}
