/**
 * A team's tracker connection as the rest of Debrief sees it: the view without secrets (for pages
 * and the API), and — for the worker and the webhook receiver only — the decrypted credentials.
 */
import type { BacklogConnection } from "../db/generated/client";
import { appUrl } from "../env";
import { decryptJson, decryptSecret } from "./crypto";
import type { ProviderName } from "./provider";
import { createProvider } from "./providers";
import { gated } from "./rate-gate";
import { API_NAME_OF, DEFAULT_BASE_URL, type Credentials } from "./settings";

/** Providers that call back with webhooks Debrief can verify. */
export const INBOUND_PROVIDERS: ProviderName[] = ["GITHUB", "JIRA", "LINEAR", "WEBHOOK"];

/** Where the tracker sends its webhooks for this connection. */
export function inboundWebhookUrl(connection: Pick<BacklogConnection, "id" | "provider">): string {
  return `${appUrl()}/api/webhooks/${API_NAME_OF[connection.provider]}/${connection.id}`;
}

/** The connection without secrets: what the API returns and the settings page shows. */
export function connectionView(connection: BacklogConnection) {
  return {
    id: connection.id,
    teamId: connection.teamId,
    provider: API_NAME_OF[connection.provider],
    baseUrl: connection.baseUrl ?? DEFAULT_BASE_URL[connection.provider],
    settings: connection.settings as Record<string, string>,
    credentialsStored: Boolean(connection.credentials),
    autoPush: connection.autoPush,
    lastTest: connection.lastTestedAt ? { at: connection.lastTestedAt, ok: Boolean(connection.lastTestOk), message: connection.lastTestMessage ?? "" } : null,
    inboundWebhook: { url: inboundWebhookUrl(connection), secretConfigured: Boolean(connection.inboundSecret) },
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
  };
}

export type ConnectionView = ReturnType<typeof connectionView>;

/** Decrypts a connection's credentials (worker and webhook receiver only: never returned). */
export function unsafeCredentials(connection: Pick<BacklogConnection, "teamId" | "credentials">): Credentials {
  return decryptJson<Credentials>(connection.credentials, connection.teamId);
}

/** The decrypted secret inbound webhooks are verified with, or null when none is set. */
export function unsafeInboundSecret(connection: Pick<BacklogConnection, "teamId" | "inboundSecret">): string | null {
  return connection.inboundSecret ? decryptSecret(connection.inboundSecret, `${connection.teamId}:inbound`) : null;
}

/** The provider for a connection, every call through the connection's rate-limit gate. */
export function providerFor(connection: BacklogConnection) {
  return gated(
    createProvider({ provider: connection.provider, baseUrl: connection.baseUrl, settings: connection.settings, credentials: unsafeCredentials(connection) }),
    connection.id,
  );
}
