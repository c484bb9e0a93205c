/**
 * "Test connection": checks the stored credentials and settings against the tracker and keeps
 * the result (shown on the settings page). A failure is a result, not an error: its message says
 * exactly what is wrong — the token refused (401), no permission (403), an unknown project (404).
 */
import { db } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import type { Actor } from "../policies/types";
import { providerFor } from "./connection";
import { EncryptionKeyError } from "./crypto";
import { isProviderError } from "./provider";
import { loadManagedTeam } from "./load-team";

export type ConnectionTestResult = { ok: boolean; message: string; testedAt: Date };

export async function testBacklogConnection(actor: Actor, teamIdOrSlug: string): Promise<ConnectionTestResult> {
  const team = await loadManagedTeam(actor, teamIdOrSlug);
  const connection = team.backlogConnection;
  if (!connection) throw new AppError("CONFLICT", "The team has no tracker connected: connect one first.");
  let ok = false;
  let message: string;
  try {
    message = await providerFor(connection).testConnection();
    ok = true;
  } catch (e) {
    if (isProviderError(e) || e instanceof EncryptionKeyError) message = e.message;
    else {
      log.error({ err: e, teamId: team.id }, "tracker connection test failed unexpectedly");
      message = "The test failed unexpectedly; it was logged.";
    }
  }
  const testedAt = new Date();
  await db().backlogConnection.update({ where: { id: connection.id }, data: { lastTestedAt: testedAt, lastTestOk: ok, lastTestMessage: message } });
  return { ok, message, testedAt };
}
